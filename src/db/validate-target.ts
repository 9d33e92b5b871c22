/**
 * Checks on a target a person adds or corrects: the shape a request schema already
 * guarantees is re-checked here because the store is also called from the CLI and demo.
 */
import { DomainError, type ErrorIssue } from '../errors';
import type { StoredTargetFields } from './store';
import { nulIssues, yearIssue } from './validate-plan';
import { CHANGE_LABELS, CHANGES, OPS } from '../shared/index.js';

/** Offsets are positions in one task's text; anything beyond this is not a position. */
const MAX_OFFSET = 1_000_000;

/** Throws `unprocessable` naming each field that cannot describe a target. */
export function validateTargetFields(f: StoredTargetFields): void {
  const issues: ErrorIssue[] = [];
  const add = (field: string, zh: string, en: string) =>
    issues.push({ path: [field], message: `${field}：${zh} / ${field} ${en}` });
  issues.push(...nulIssues({ quote: f.quote, subject: f.subject, unit: f.unit, each: f.each, base: f.base }));
  if (typeof f.quote !== 'string') add('quote', '原文应为文字', 'must be text');
  if (typeof f.subject !== 'string' || f.subject.trim() === '')
    add('subject', '指标内容不能为空', 'must not be empty');
  if (typeof f.unit !== 'string' || f.unit.trim() === '') add('unit', '单位不能为空', 'must not be empty');
  if (!Number.isFinite(f.value) || f.value < 0) add('value', '目标值应为非负数', 'must be a number ≥ 0');
  if (!(OPS as readonly string[]).includes(f.op))
    add('op', `比较方式应为 ${OPS.join('、')} 之一`, `must be one of ${OPS.join(', ')}`);
  if (f.op === 'range' && f.max === null) add('max', '区间目标需要上限', 'is required for a range');
  if (f.max !== null && (!Number.isFinite(f.max) || f.max < f.value))
    add('max', '上限不能小于目标值', 'must not be below value');
  if (f.deadline !== null) {
    const issue = yearIssue(f.deadline, ['deadline']);
    if (issue) issues.push(issue);
  }
  issues.push(...changeIssues(f));
  if (f.per !== null && f.per !== 'year') add('per', '只能为 year 或空', 'must be "year" or null');
  if ((f.start === null) !== (f.end === null)) add('end', '起止位置须同时给出', 'start and end go together');
  if (
    f.start !== null &&
    f.end !== null &&
    !(
      Number.isInteger(f.start) &&
      Number.isInteger(f.end) &&
      0 <= f.start &&
      f.start <= f.end &&
      f.end <= MAX_OFFSET
    )
  ) {
    add('start', '起止位置应为 0 ≤ start ≤ end 的整数', 'must be integers with 0 ≤ start ≤ end');
  }
  if (issues.length > 0) throw new DomainError('unprocessable', undefined, issues);
}

/**
 * A change against a base year: a known direction, a base year that is a year, named only
 * with a direction, and before the deadline (a change is measured towards it).
 */
function changeIssues(f: StoredTargetFields): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const change = f.change ?? null;
  const baseYear = f.baseYear ?? null;
  if (change !== null && !(CHANGES as readonly string[]).includes(change)) {
    const zh = CHANGES.map((c) => `${c}（${CHANGE_LABELS[c]}）`).join('、');
    issues.push({
      path: ['change'],
      message: `change：变化方向应为 ${zh} 之一或空 / change must be one of ${CHANGES.join(', ')} or null`,
    });
  }
  if (baseYear === null) return issues;
  const yearProblem = yearIssue(baseYear, ['baseYear']);
  if (yearProblem) issues.push(yearProblem);
  else if (change === null)
    issues.push({
      path: ['baseYear'],
      message:
        'baseYear：基期年份只用于比基期增长或下降的目标，请同时选择变化方向 / baseYear goes with a change (rise or fall)',
    });
  else if (f.deadline !== null && baseYear >= f.deadline)
    issues.push({
      path: ['baseYear'],
      message: `baseYear：基期年份 ${baseYear} 应早于完成年份 ${f.deadline} / baseYear ${baseYear} must be before deadline ${f.deadline}`,
    });
  return issues;
}
