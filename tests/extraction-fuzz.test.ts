import { describe, expect, it } from 'vitest';
import { extractTargets as extractLenient } from '../extractors/index';

/** Strict: a rule that throws fails the test instead of yielding no targets. */
const extractTargets = (text: string) => extractLenient(text, { strict: true });

// A seeded generator keeps failures reproducible.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const ALPHABET = [
  ...'0123456789０１２一二两三十百千万亿零点半个所人次%％倍年底末前到至-～、，。；（）“”《》〔〕每各年均不低于少超过以上以内左右约近第号元万元亿元百分之个百分点十四五 AaG+.',
];
const randomText = (next: () => number, length: number) =>
  Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');

function checkTargets(text: string) {
  const targets = extractTargets(text);
  expect(Array.isArray(targets)).toBe(true);
  for (const t of targets) {
    expect(text.slice(t.start, t.end)).toBe(t.quote);
    expect(Number.isNaN(t.value)).toBe(false);
  }
  return targets;
}

describe('extractTargets on hostile input', () => {
  it.each([[''], [' '], ['\n\n'], ['。'], ['%'], ['年'], ['每'], ['各'], ['不低于'], ['“'], ['1'], ['一']])(
    'returns a list for %j',
    (text) => {
      checkTargets(text);
    },
  );

  it('returns an empty list for values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, []]) expect(extractTargets(v as unknown as string)).toEqual([]);
  });

  it('survives 2000 random texts of plan characters, quotes staying at their offsets', () => {
    const next = random(20240501);
    for (let i = 0; i < 2000; i++) checkTargets(randomText(next, 1 + Math.floor(next() * 120)));
  });

  it.each([
    ['一', 200_000],
    ['1-', 100_000],
    ['不低于', 60_000],
    ['1', 200_000],
    ['、', 200_000],
    ['1、', 100_000],
    ['每年', 100_000],
    ['各', 200_000],
    ['每个', 100_000],
    ['已经', 100_000],
    ['2025年', 40_000],
    ['百分之', 60_000],
    ['（', 200_000],
    ['由1', 100_000],
    ['“十四五”末', 30_000],
    ['建设10个示范点、', 20_000],
  ])('finishes on %j repeated %i times', (unit, times) => {
    checkTargets(unit.repeat(times));
  });

  it('reads a 1 MB plan made of real task sentences and finds their targets', () => {
    const sentence = '到2025年，全市森林覆盖率达到45%以上，新建5G基站1.2万个。';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const targets = checkTargets(text);
    expect(targets.length).toBe(2 * Math.ceil(1_000_000 / sentence.length));
  });

  it('reads 1 MB of random plan characters', () => {
    checkTargets(randomText(random(7), 1_000_000));
  });
});
