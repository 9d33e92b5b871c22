import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';
import { isDomainError } from '../src/errors';

/** A small seeded generator, so a failing input can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomText(length: number, alphabet: string, seed: number): string {
  const next = random(seed);
  const chars = [...alphabet];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}

const PLAN_CHARS =
  '到年底前建成个所人万亿%以上不低于超过左右，。；、\t\n（一）1.2-3序号工作任务责任单位市教育局 ';
const jilinRows = (n: number) =>
  [
    '序号\t工作任务\t责任单位',
    ...Array.from({ length: n }, (_, i) => `${i + 1}\t新建5G基站${i + 10}个\t市工信局、市通信管理办`),
  ].join('\n');

/** Inputs that must end in a plan or a DomainError — never a crash. */
const INPUTS: Array<[string, string, () => Buffer]> = [
  ['1 MB of plan-like characters', 'noise.txt', () => Buffer.from(randomText(1 << 20, PLAN_CHARS, 1))],
  [
    '64 KB of random bytes',
    'noise.txt',
    () => Buffer.from(Array.from({ length: 1 << 16 }, (_, i) => (i * 7919) % 251)),
  ],
  ['a table of 20 000 rows', 'big.txt', () => Buffer.from(jilinRows(20_000))],
  ['100 000 tabs', 'tabs.txt', () => Buffer.from('\t'.repeat(100_000))],
  [
    'header lines repeated 10 000 times',
    'headers.txt',
    () => Buffer.from('\t序号\n\t工作任务\n\t责任单位\n\n'.repeat(10_000)),
  ],
  [
    'a row of 5 000 cells',
    'wide.txt',
    () => Buffer.from(`序号\t工作任务\t责任单位\n1\t${'建成5个\t'.repeat(5_000)}`),
  ],
  [
    'a CSV quote never closed',
    'open.csv',
    () => Buffer.from('序号,工作任务,责任单位\n1,"建成5个,市教育局\n'.repeat(1000)),
  ],
  ['one 1 MB line of 不低于', 'long.txt', () => Buffer.from('不低于'.repeat(350_000))],
  [
    'unit labels without end',
    'labels.txt',
    () => Buffer.from('建成5个（责任单位：'.repeat(20_000) + '\n（市' + '牵头，'.repeat(20_000)),
  ],
];

describe('adversarial documents end in a plan or a clear error', () => {
  test.each(INPUTS)('%s', async (_what, fileName, build) => {
    const outcome = await readPlan(fileName, build()).then(
      (plan) => plan,
      (e: unknown) => e,
    );
    if (isDomainError(outcome)) expect(outcome.message).toContain(' / ');
    else expect((outcome as { tasks: unknown[] }).tasks.length).toBeGreaterThan(0);
  });

  test('a 20 000-row table keeps every row in order', async () => {
    const plan = await readPlan('big.txt', Buffer.from(jilinRows(20_000)));
    expect(plan.tasks).toHaveLength(20_000);
    expect(plan.tasks.at(-1)).toMatchObject({ seq: 20_000, units: ['市工信局', '市通信管理办'] });
    expect(plan.tasks.at(-1)!.targets[0]).toMatchObject({ value: 20_009, unit: '个' });
  });
});
