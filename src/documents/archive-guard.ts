/**
 * Office files (.xlsx, .docx) are zip archives: a 2 MB upload may unpack to gigabytes. Before
 * any reader opens one, its central directory (at the end of the file, a few bytes per entry)
 * is read and the archive refused when it holds too many entries, unpacks to too much, or
 * packs an entry far tighter than documents ever do. Nothing is inflated to find out.
 */
import { DomainError } from '../errors';
import { unreadableDocument } from './sniff-format';

export interface ArchiveLimits {
  entries: number;
  unpackedBytes: number;
  ratio: number;
  ratioFloorBytes: number;
}

/** The bounds, sized for the product's own largest figure template (100,000 rows). */
export const ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  entries: 10_000,
  unpackedBytes: 256 * 1024 * 1024,
  /** Spreadsheet XML packs 5–60:1; a zip bomb packs 1,000:1 and more. */
  ratio: 200,
  /** Below this an entry's ratio is not judged (tiny entries pack oddly). */
  ratioFloorBytes: 1024 * 1024,
};

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
/** The end-of-central-directory record (22 bytes) may be followed by a comment of up to 64 KiB. */
const EOCD_SEARCH = 22 + 0xffff;

export interface ArchiveSummary {
  entries: number;
  unpackedBytes: number;
}

function refused(fileName: string, why: string, whyEn: string, code: 'payload_too_large' | 'unprocessable') {
  return new DomainError(code, `文件“${fileName}”${why}，已拒绝打开 / “${fileName}” refused: ${whyEn}`, [
    { path: ['file'], message: `${why} / ${whyEn}` },
  ]);
}

/**
 * Reads the zip directory of `data` and throws a 413 (too large unpacked) or 422 (damaged or
 * suspicious) before anything is decompressed; returns what it read.
 */
export function checkArchive(
  kind: 'Word' | 'Excel',
  fileName: string,
  data: Buffer,
  limits: Readonly<ArchiveLimits> = ARCHIVE_LIMITS,
): ArchiveSummary {
  const damaged = () => unreadableDocument(kind, fileName, new Error('zip directory damaged / 压缩目录损坏'));
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - EOCD_SEARCH); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const entries = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryStart = data.readUInt32LE(eocd + 16);
  // ZIP64 markers: more than 65,535 entries or 4 GiB — never an office file we would read.
  if (entries === 0xffff || directoryStart === 0xffffffff) {
    throw refused(fileName, '解压后过大', 'it unpacks beyond the limit', 'payload_too_large');
  }
  if (entries > limits.entries) {
    throw refused(
      fileName,
      `包含 ${entries} 个压缩条目，超过上限 ${limits.entries}`,
      `${entries} entries, over the limit of ${limits.entries}`,
      'payload_too_large',
    );
  }
  if (directoryStart + directorySize > eocd) throw damaged();
  let unpacked = 0;
  let at = directoryStart;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || data.readUInt32LE(at) !== CENTRAL_ENTRY) throw damaged();
    const packed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    if (packed === 0xffffffff || size === 0xffffffff) {
      throw refused(fileName, '解压后过大', 'it unpacks beyond the limit', 'payload_too_large');
    }
    unpacked += size;
    if (size >= limits.ratioFloorBytes && size > limits.ratio * Math.max(packed, 1)) {
      throw refused(
        fileName,
        `有条目压缩比异常（${Math.round(size / Math.max(packed, 1))}:1），疑似压缩炸弹`,
        `an entry packs ${Math.round(size / Math.max(packed, 1))}:1, a likely zip bomb`,
        'unprocessable',
      );
    }
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  if (unpacked > limits.unpackedBytes) {
    const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
    throw refused(
      fileName,
      `解压后约 ${mib(unpacked)}，超过上限 ${mib(limits.unpackedBytes)}`,
      `unpacks to about ${mib(unpacked)}, over the limit of ${mib(limits.unpackedBytes)}`,
      'payload_too_large',
    );
  }
  return { entries, unpackedBytes: unpacked };
}
