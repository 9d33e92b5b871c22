import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';
import { loadReportPair, reportPairNames } from './fixtures/report-pairs/report-pairs';

const names = reportPairNames();
const pairs = names.map(loadReportPair);

describe('the labelled report pairs of issue 13', () => {
  test('there are at least four pairs', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  test.each(names)('%s: every target quote stands in the text of the task it names', async (name) => {
    const pair = loadReportPair(name);
    const plan = await readPlan(pair.expected.plan, pair.planBytes);
    const taskText = new Map(plan.tasks.map((t) => [t.seq, t.text]));
    for (const { task, quote } of pair.expected.targets) {
      expect(taskText.get(task), `task ${task} of ${name}/plan.txt`).toContain(quote);
    }
  });

  test.each(names)('%s: a target is listed once', (name) => {
    const keys = loadReportPair(name).expected.targets.map((t) => `${t.task}|${t.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(names)('%s: every report quote and note is a substring of the report', (name) => {
    const { reportText, expected } = loadReportPair(name);
    const quotes = [
      ...expected.targets.flatMap((t) => (t.achieved ?? []).flatMap((a) => [a.reportQuote, a.note ?? ''])),
      ...expected.unmatched.map((u) => u.reportQuote),
      ...expected.notFigures.map((n) => n.reportQuote),
    ].filter((q) => q !== '');
    for (const quote of quotes) expect(reportText, `${name}: ${quote}`).toContain(quote);
  });

  test.each(names)('%s: a span is either a figure or not a figure, never both', (name) => {
    const { expected } = loadReportPair(name);
    const figures = new Set([
      ...expected.targets.flatMap((t) => (t.achieved ?? []).map((a) => a.reportQuote)),
      ...expected.unmatched.map((u) => u.reportQuote),
    ]);
    for (const { reportQuote } of expected.notFigures)
      expect(figures.has(reportQuote), reportQuote).toBe(false);
  });

  test.each(names)('%s: a figure names a member of the plan or none, each member once per target', (name) => {
    const { expected } = loadReportPair(name);
    for (const target of expected.targets) {
      const members = (target.achieved ?? []).map((a) => a.member);
      for (const member of members) if (member !== null) expect(expected.members).toContain(member);
      expect(new Set(members).size, `${target.task} ${target.quote}`).toBe(members.length);
    }
  });

  // The kinds of case issue 13 asks the fixtures to hold, so a pair removed or relabelled
  // does not silently drop one.
  test('together the pairs hold every kind of case the report reader must handle', () => {
    const achieved = pairs.flatMap((p) => p.expected.targets.flatMap((t) => t.achieved ?? []));
    const notFigures = pairs.flatMap((p) => p.expected.notFigures);
    expect(
      achieved.some((a) => a.member !== null),
      'per-member figures',
    ).toBe(true);
    expect(
      achieved.some((a) => /[万亿千]/.test(a.reportQuote) && !a.reportQuote.includes(String(a.value))),
      'scaled units',
    ).toBe(true);
    expect(
      notFigures.some((n) => n.reason.startsWith('restated target')),
      'restated targets',
    ).toBe(true);
    expect(
      notFigures.some((n) => n.reason.startsWith('background')),
      'background figures',
    ).toBe(true);
    expect(
      achieved.some((a) => a.note?.startsWith('完成率')),
      'completion rates kept as notes',
    ).toBe(true);
    expect(
      pairs.every((p) => p.expected.targets.some((t) => t.achieved === null)),
      'targets without a figure',
    ).toBe(true);
    expect(
      pairs.every((p) => p.expected.unmatched.length > 0),
      'figures matching no target',
    ).toBe(true);
  });
});
