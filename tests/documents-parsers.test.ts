import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../src/documents/decode-text';
import { htmlBlocks } from '../src/documents/html-blocks';
import { parseCsv } from '../src/documents/parse-csv';

describe('CSV (RFC 4180)', () => {
  test.each([
    [
      'plain cells',
      '序号,工作任务,责任单位\n1,办好职教中心,各县(市)政府',
      [
        ['序号', '工作任务', '责任单位'],
        ['1', '办好职教中心', '各县(市)政府'],
      ],
    ],
    [
      'a quoted comma',
      '1,"培育 20 门左右课程,遴选教材",市教育局',
      [['1', '培育 20 门左右课程,遴选教材', '市教育局']],
    ],
    [
      'a doubled quote',
      '1,"开展""大国工匠""进校园活动",市教育局',
      [['1', '开展"大国工匠"进校园活动', '市教育局']],
    ],
    [
      'a line break inside quotes',
      '1,"建设老年大学，\n创建示范校",市教育局\n2,b,c',
      [
        ['1', '建设老年大学，\n创建示范校', '市教育局'],
        ['2', 'b', 'c'],
      ],
    ],
    [
      'CRLF rows and a BOM',
      '\uFEFF序号,任务\r\n1,甲\r\n',
      [
        ['序号', '任务'],
        ['1', '甲'],
      ],
    ],
    [
      'semicolons as Excel writes in some locales',
      '序号;工作任务;责任单位\n1;甲，乙;市教育局',
      [
        ['序号', '工作任务', '责任单位'],
        ['1', '甲，乙', '市教育局'],
      ],
    ],
    [
      'blank rows dropped',
      '序号,任务\n\n,\n1,甲',
      [
        ['序号', '任务'],
        ['1', '甲'],
      ],
    ],
    [
      'a last row without a line end',
      'a,b\n1,',
      [
        ['a', 'b'],
        ['1', ''],
      ],
    ],
  ])('%s', (_what, csv, rows) => {
    expect(parseCsv(csv)).toEqual(rows);
  });
});

describe('Word HTML tables (mammoth output)', () => {
  test('a cell spanning rows reaches every row it covers; one spanning columns fills each column', () => {
    const html =
      '<p>附件</p><table><tr><td><p>序号</p></td><td><p>工作任务</p></td><td colspan="2"><p>责任单位</p></td></tr>' +
      '<tr><td></td><td><p>任务一</p><p>第二段</p></td><td rowspan="2"><p>市教育局</p></td><td><p>甲</p></td></tr>' +
      '<tr><td></td><td><p>任务 &amp; &lt;二&gt; &#x4E00;</p></td><td><p>乙</p></td></tr></table><p>说明</p>';
    expect(htmlBlocks(html)).toEqual([
      { kind: 'prose', lines: ['附件'] },
      {
        kind: 'table',
        rows: [
          ['序号', '工作任务', '责任单位', '责任单位'],
          ['', '任务一\n第二段', '市教育局', '甲'],
          ['', '任务 & <二> 一', '市教育局', '乙'],
        ],
      },
      { kind: 'prose', lines: ['说明'] },
    ]);
  });

  test('a table nested in a cell is read as lines of that cell', () => {
    const html =
      '<table><tr><td><p>1</p></td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>';
    expect(htmlBlocks(html)).toEqual([{ kind: 'table', rows: [['1', '甲\n乙']] }]);
  });

  test('headings, list items and line breaks outside tables become prose lines', () => {
    expect(htmlBlocks('<h1>行动方案</h1><ol><li>到2025年，建成5个。</li></ol><p>甲<br />乙</p>')).toEqual([
      { kind: 'prose', lines: ['行动方案', '到2025年，建成5个。', '甲', '乙'] },
    ]);
  });
});

describe('text decoding', () => {
  const text = '序号\t工作任务\t责任单位\n1\t每个县(市)办好 1 所职教中心\t各县(市)政府\n';
  test.each([
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8', Buffer.from('\uFEFF' + text, 'utf8')],
    ['utf-16le', iconv.encode(text, 'utf16le', { addBOM: true })],
    ['utf-16be', iconv.encode(text, 'utf16be', { addBOM: true })],
    ['gb18030', iconv.encode(text, 'gb18030')],
    ['gb18030', iconv.encode(text, 'gbk')],
  ])('%s', (encoding, bytes) => {
    expect(decodeText(bytes, 'plan.txt')).toEqual({ text, encoding });
  });
});
