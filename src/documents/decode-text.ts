/**
 * Turns the bytes of a text file into a string: UTF-8 with or without BOM, UTF-16 LE/BE
 * by BOM, else GB18030 (what Chinese Windows saves as "ANSI") when the bytes are not valid
 * UTF-8 but decode cleanly as GB18030. Bytes that are neither are a binary file.
 */
import { DomainError } from '../errors';

/** How the text was encoded, for messages and tests. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

function decodeStrict(data: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return null;
  }
}

/** Control characters other than tab, line breaks and form feed: never in a real text file. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

export function decodeText(data: Uint8Array, fileName: string): DecodedText {
  const [b0, b1, b2] = data;
  let decoded: DecodedText | null = null;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) decoded = wrap(decodeStrict(data, 'utf-8'), 'utf-8');
  else if (b0 === 0xff && b1 === 0xfe) decoded = wrap(decodeStrict(data, 'utf-16le'), 'utf-16le');
  else if (b0 === 0xfe && b1 === 0xff) decoded = wrap(decodeStrict(data, 'utf-16be'), 'utf-16be');
  else if (!data.includes(0)) {
    decoded = wrap(decodeStrict(data, 'utf-8'), 'utf-8') ?? wrap(decodeStrict(data, 'gb18030'), 'gb18030');
  }
  if (!decoded || CONTROL.test(decoded.text.slice(0, 65536))) {
    throw new DomainError(
      'binary_document',
      `文件“${fileName}”不是可识别的文本（既非 UTF-8/UTF-16，也非 GB18030） / “${fileName}” is binary, not readable text (neither UTF-8/UTF-16 nor GB18030)`,
      [{ path: ['file'], message: 'binary_document' }],
    );
  }
  return decoded;
}

function wrap(text: string | null, encoding: TextEncoding): DecodedText | null {
  return text === null ? null : { text, encoding };
}
