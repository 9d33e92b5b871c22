/**
 * Extraction throughput: task texts per second for dabiao's extractor and, on the same texts in
 * the same run, Microsoft Recognizers-Text's Chinese number recogniser (it finds numbers only,
 * no units, ops or subjects). Both are warmed up on the whole corpus, then measured in
 * alternating rounds so that load on the machine hits both alike; the best round counts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-suite';
import { extractTargets } from '../extractors/index';

const CORPUS_SIZE = 20_000;
const ROUNDS = 3;
const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../tests/fixtures/gold');
const PLANS = ['000_3cb08648fdcd494e', '002_36169d261e098f31'];

/** The fixtures' task texts repeated until the corpus holds CORPUS_SIZE texts. */
function buildCorpus(): string[] {
  const texts = PLANS.flatMap((plan) =>
    (
      JSON.parse(readFileSync(path.join(fixtures, `${plan}.gold.json`), 'utf8')).tasks as { text: string }[]
    ).map((t) => t.text),
  );
  return Array.from({ length: CORPUS_SIZE }, (_, i) => texts[i % texts.length]!);
}

interface Round {
  wallPerSecond: number;
  cpuPerSecond: number;
  found: number;
}

/** One pass over the corpus: texts per wall-clock second and per CPU second. */
function pass(corpus: string[], read: (text: string) => unknown[]): Round {
  let found = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const text of corpus) found += read(text).length;
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    wallPerSecond: corpus.length / wall,
    cpuPerSecond: corpus.length / ((used.user + used.system) / 1e6),
    found,
  };
}

const best = (rounds: Round[]): Round => rounds.reduce((a, b) => (b.cpuPerSecond > a.cpuPerSecond ? b : a));

export async function run(): Promise<void> {
  const corpus = buildCorpus();
  const readers: [string, (text: string) => unknown[]][] = [
    ['dabiao extractTargets', extractTargets],
    ['Recognizers-Text 中文数字', (text) => recognizeNumber(text, Culture.Chinese)],
  ];
  for (const [, read] of readers) pass(corpus, read); // warm-up
  const rounds: Round[][] = readers.map(() => []);
  for (let r = 0; r < ROUNDS; r++) readers.forEach(([, read], i) => rounds[i]!.push(pass(corpus, read)));
  const [ours, theirs] = rounds.map(best) as [Round, Round];

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
  console.log(
    `语料 / corpus: ${corpus.length} 条任务文本 / task texts from ${PLANS.length} seed plans, best of ${ROUNDS} rounds`,
  );
  console.log(`${''.padEnd(26)} ${'条/秒 wall'.padStart(10)} ${'条/CPU秒'.padStart(10)}  结果 / found`);
  readers.forEach(([name], i) => {
    const r = best(rounds[i]!);
    console.log(`${name.padEnd(26)} ${fmt(r.wallPerSecond)} ${fmt(r.cpuPerSecond)}  ${r.found}`);
  });
  console.log(
    `倍数 / ratio: ${(ours.cpuPerSecond / theirs.cpuPerSecond).toFixed(1)}× per CPU second, ` +
      `${(ours.wallPerSecond / theirs.wallPerSecond).toFixed(1)}× wall clock`,
  );
}
