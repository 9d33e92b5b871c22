/**
 * How text answers are compressed, for the static files of the web UI and for the API
 * answers that are kept and sent many times (a cached progress view): one choice of encoding
 * and one pair of compressors.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Brotli when the client takes it (smaller), else gzip, else none. Browsers list gzip first
 * (`gzip, deflate, br, zstd`), so the server's preference decides, not the header's order.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    quality.set(name, q ? Number(q.slice(2)) : 1);
  }
  for (const encoding of ['br', 'gzip'] as const)
    if ((quality.get(encoding) ?? quality.get('*') ?? 0) > 0) return encoding;
  return 'identity';
}

/**
 * The ETag of `etag`'s content sent in `encoding`: each encoding is its own representation,
 * so a cache holding the gzip bytes never takes them for the brotli ones.
 */
export function encodedEtag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : etag.replace(/"$/, `-${encoding}"`);
}

/**
 * `body` compressed for `encoding`. `max` for what is compressed once per deployment (the
 * static files); `fast` for what is compressed once per version of the data (still far less
 * than compressing on every request, without brotli's top setting's tens of milliseconds).
 */
export function encode(
  body: Buffer | string,
  encoding: Exclude<Encoding, 'identity'>,
  effort: 'max' | 'fast',
): Buffer {
  const size = Buffer.byteLength(body);
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: effort === 'max' ? zlib.BROTLI_MAX_QUALITY : 6,
          [zlib.BROTLI_PARAM_SIZE_HINT]: size,
        },
      })
    : gzipSync(body, { level: effort === 'max' ? 9 : 6 });
}
