/**
 * The report-pairs part of `npm run eval` (issue 13): precision and recall of the proposed
 * (target, member, value) pairs of each completion report against its plan.
 */
import {
  precision,
  recall,
  scoreReportPairs,
  type PairScore,
} from '../tests/fixtures/report-pairs/evaluate-report-pairs';

export async function printReportPairs(
  details: boolean,
  printTable: (rows: string[][]) => void,
): Promise<void> {
  const scores = await scoreReportPairs();
  const total = scores.reduce(
    (a, s) => ({ gold: a.gold + s.gold, proposed: a.proposed + s.proposed, correct: a.correct + s.correct }),
    { gold: 0, proposed: 0, correct: 0 },
  );
  const row = (name: string, s: Pick<PairScore, 'gold' | 'proposed' | 'correct'>) => [
    name,
    String(s.gold),
    String(s.proposed),
    String(s.correct),
    precision(s).toFixed(3),
    recall(s).toFixed(3),
  ];
  console.log('\n完成情况报告 → 目标数据 / report figures matched to targets');
  printTable([
    ['report pair', 'gold', 'proposed', 'correct', 'P', 'R'],
    ...scores.map((s) => row(s.name, s)),
    row('all', total),
  ]);
  if (details)
    for (const s of scores) {
      for (const m of s.misses) console.log(`MISSED   ${s.name}  ${m}`);
      for (const w of s.wrong) console.log(`WRONG    ${s.name}  ${w}`);
    }
}
