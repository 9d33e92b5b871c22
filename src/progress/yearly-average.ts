/**
 * Whether a yearly-rate target is judged by its average over the years so far (年均) rather
 * than year by year (每年). Plans put the word before the subject, so the quote alone rarely
 * holds it: `“十四五”末年均培训规模达到 5000 人以上` quotes only `5000 人以上`. The clause
 * leading up to the quote is read too, and no further: in `每年培训 3000 人次，年均增长 10%`
 * the first figure is a yearly one.
 */
import type { ProgressTargetRecord } from './plan-progress-input';

/**
 * 年均 / 年平均 / 平均每年, but not 每年均 or 全年均 ("every year, all of them": a yearly figure).
 * @example `农村居民人均可支配收入年均增长8%`, `平均每年新增城镇就业 1300 万人以上`
 */
const AVERAGE_WORDS = /(?<![每全当各逐])年均|年平均|平均每年/;

/** Where the clause before a quote starts: after the last of these. */
const CLAUSE_BREAK = /[，,；;。！!？?\n]/;

type AverageInput = Pick<ProgressTargetRecord, 'quote' | 'per'> & { start?: number | null };

/**
 * True for a `per: 'year'` target whose quote, or the clause of the task text before it,
 * says 年均.
 *
 * @example isYearlyAverage({ quote: '5000 人以上', per: 'year', start: 48 },
 *   '建设一批面向中小学生的“劳动和职业体验教育”基地，“十四五”末年均培训规模达到 5000 人以上') // true
 */
export function isYearlyAverage(target: AverageInput, taskText: string): boolean {
  if (target.per !== 'year') return false;
  return AVERAGE_WORDS.test(target.quote) || AVERAGE_WORDS.test(clauseBefore(target, taskText));
}

/** The task text from the last clause break up to where the quote starts ('' when not found). */
function clauseBefore(target: AverageInput, taskText: string): string {
  const { quote, start } = target;
  // The stored span, unless an edit has changed the quote since; then the quote as written.
  const at =
    start != null && taskText.slice(start, start + quote.length) === quote ? start : taskText.indexOf(quote);
  if (at <= 0) return '';
  let from = at;
  while (from > 0 && !CLAUSE_BREAK.test(taskText[from - 1]!)) from -= 1;
  return taskText.slice(from, at);
}
