/**
 * Zip bombs: an .xlsx or .docx of about 1 MB that unpacks to 1 GiB. Four at once, to the plan
 * import and to the figure upload, must be refused before anything inflates — the process
 * stays up, its memory flat, and the next ordinary request is answered.
 */
import { constants as zlib, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, checkArchive } from '../src/documents/archive-guard';
import { DomainError } from '../src/errors';
import { useSeededServer } from './support/http-harness';

interface Entry {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
}

/** A zip archive written by hand: local headers, data, central directory, end record. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.packed);
    centrals.push(central, name);
    offset += 30 + name.length + e.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function entry(name: string, data: Buffer): Entry {
  return { name, packed: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * `data` repeated `times` over as one raw deflate stream, without deflating the whole: a
 * stream is a run of blocks, and blocks written after a full flush do not refer back past it,
 * so `data` is deflated once ending on a full flush, those blocks repeated and closed with an
 * empty final block (0x03 0x00: fixed Huffman codes, nothing but the end code) — the stream a
 * compressor would write for the whole, in a fraction of the time.
 */
function deflatedRepeat(data: Buffer, times: number): Buffer {
  const blocks = deflateRawSync(data, { level: 9, finishFlush: zlib.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: times }, () => blocks), Buffer.from([0x03, 0x00])]);
}

/**
 * 1 GiB of one repeated XML row in about 1 MB (the CRC is not checked first); deflating the
 * GiB itself took 8 s of the suite's CPU.
 */
function bombEntry(name: string): Entry {
  const chunk = Buffer.alloc(16 * 1024 * 1024, '<row r="1"><c t="s"><v>0</v></c></row>');
  return { name, packed: deflatedRepeat(chunk, 64), crc: 0, size: 64 * chunk.length };
}

const bomb = zip([
  entry('[Content_Types].xml', Buffer.from('<Types/>')),
  entry('xl/workbook.xml', Buffer.from('<workbook/>')),
  bombEntry('xl/worksheets/sheet1.xml'),
]);

describe('the zip directory check', () => {
  it('is tested with real deflate streams: a repeated one inflates to its data repeated', () => {
    const rows = Buffer.alloc(100_000, '<row r="1"><c t="s"><v>0</v></c></row>');
    const inflated = inflateRawSync(deflatedRepeat(rows, 3));
    expect(inflated.equals(Buffer.concat([rows, rows, rows]))).toBe(true);
  });

  it('reads an ordinary archive', () => {
    const xml = Buffer.from('<w:document>方案</w:document>');
    const ok = zip([entry('word/document.xml', xml)]);
    expect(checkArchive('Word', 'a.docx', ok)).toEqual({ entries: 1, unpackedBytes: xml.length });
  });

  it('refuses a 1 GiB bomb of about 1 MB with a 413 naming the unpacked size, or a 422 for its ratio', () => {
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const err = (() => {
      try {
        checkArchive('Excel', 'bomb.xlsx', bomb);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.code).toBe('unprocessable');
    expect(err!.message).toMatch(/压缩比异常.*zip bomb/);
  });

  it('refuses more entries than a document has, and more unpacked bytes than the limit', () => {
    const many = zip(Array.from({ length: 12 }, (_, i) => entry(`x${i}`, Buffer.from('a'))));
    expect(() => checkArchive('Excel', 'm.xlsx', many, { ...ARCHIVE_LIMITS, entries: 10 })).toThrow(
      /12 entries/,
    );
    const big = zip([entry('a', Buffer.alloc(2048, 'x')), entry('b', Buffer.alloc(2048, 'y'))]);
    expect(() => checkArchive('Excel', 'b.xlsx', big, { ...ARCHIVE_LIMITS, unpackedBytes: 3000 })).toThrow(
      /over the limit/,
    );
  });

  it('calls a file without a zip directory damaged', () => {
    expect(() => checkArchive('Word', 'x.docx', Buffer.from('PK\u0003\u0004word/document.xml'))).toThrow(
      /无法读取 Word 文件/,
    );
  });
});

describe('zip bombs sent to the service', () => {
  const env = useSeededServer();

  it('refuses four at once to import and four to figure upload; the process and its memory stay as they were', async () => {
    const before = process.memoryUsage().rss;
    const { evaluator, statistician } = env.users;
    const replies = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => evaluator.upload('/api/plans', `bomb${i}.xlsx`, bomb)),
      ...Array.from({ length: 4 }, (_, i) =>
        statistician.upload(`/api/plans/${env.seeded.jilin.id}/measurements/upload`, `bomb${i}.xlsx`, bomb),
      ),
    ]);
    for (const r of replies) {
      expect(r.status).toBe(422);
      expect(r.body.error.message).toContain('zip bomb');
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect((await statistician.call('GET', `/api/plans/${env.seeded.jilin.id}`)).status).toBe(200);
  });
});
