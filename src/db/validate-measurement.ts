/**
 * Whether a figure can stand against its target, and the value it stands for. Pure: the
 * store passes the current target and the plan's members and prefixes the issue paths
 * (`['rows', 3, 'member']` in a bulk upload). A share or multiple with a base may be
 * entered as numerator and denominator; the value is then derived from them.
 */
import type { ErrorIssue } from '../errors';
import { isJurisdictionScope, membersForScope } from './members-for-scope';
import type { JurisdictionMember, MeasurementInput, TargetRecord } from './store';
import { nulIssues, yearIssue } from './validate-plan';

export interface CheckedMeasurement {
  year: number;
  /** '' when the target has no members. */
  member: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

const NOTE_LIMIT = 2000;

/** Value of numerator/denominator in the target's unit: per cent for %, plain for 倍. */
export function derivedValue(unit: string, numerator: number, denominator: number): number {
  const ratio = (numerator / denominator) * (unit === '%' ? 100 : 1);
  return Math.round(ratio * 1e6) / 1e6;
}

/** The figure to store, or the issues (Chinese / English, per field) why it cannot stand. */
export function checkMeasurement(
  input: MeasurementInput,
  target: TargetRecord,
  members: JurisdictionMember[],
): { ok: true; value: CheckedMeasurement } | { ok: false; issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  const add = (field: string, zh: string, en: string) =>
    issues.push({ path: [field], message: `${field}：${zh} / ${field} ${en}` });

  issues.push(...nulIssues({ member: input.member, note: input.note }));
  const yearProblem = yearIssue(input.year, ['year']);
  if (yearProblem) issues.push(yearProblem);

  const member = typeof input.member === 'string' ? input.member.trim() : '';
  if (target.each === null) {
    if (member !== '')
      add(
        'member',
        `该目标不分成员填报，不应填写“${member}”`,
        'must be left out: the target is not per member',
      );
  } else {
    // Figures per member count only for members on the plan's list; without one (教师,
    // 优质职业院校, or no jurisdiction set up) the progress rules judge one whole-area figure.
    const allowed = membersForScope(target.each, members).map((m) => m.name);
    if (allowed.length === 0) {
      if (member !== '') {
        const why = isJurisdictionScope(target.each)
          ? '方案尚未设置辖区成员，请先设置成员或按全域填报（不填成员）'
          : `“${target.each}”没有成员名单，请按全域填报（不填成员）`;
        add(
          'member',
          why,
          'must be left out: there is no member list for this scope, report for the whole area',
        );
      }
    } else if (member === '') {
      add(
        'member',
        `该目标按“${target.each}”逐个填报，须填写成员，可选：${allowed.join('、')}`,
        `is required: the target holds for ${target.each}`,
      );
    } else if (!allowed.includes(member)) {
      add(
        'member',
        `“${member}”不在“${target.each}”范围内，可选：${allowed.join('、')}`,
        `"${member}" is not one of the members in scope`,
      );
    }
  }

  const { numerator, denominator } = {
    numerator: input.numerator ?? null,
    denominator: input.denominator ?? null,
  };
  const hasRatio = numerator !== null || denominator !== null;
  if (hasRatio && target.change !== null) {
    const field = numerator !== null ? 'numerator' : 'denominator';
    add(
      field,
      '该目标比基期变化，按当年水平值填报数值（基期年份填基期水平），不按分子分母填报',
      'is not used: the target is a change against a base year, enter the level as value',
    );
  } else if (hasRatio && target.base === null) {
    const field = numerator !== null ? 'numerator' : 'denominator';
    add(
      field,
      '该目标没有基数，不能按分子分母填报',
      'is only for a target with a base (a share or a multiple)',
    );
  } else if (hasRatio) {
    if (numerator === null) add('numerator', '填写了分母时须同时填写分子', 'is required with denominator');
    else if (!Number.isFinite(numerator) || numerator < 0)
      add('numerator', '分子应为非负数', 'must be a number ≥ 0');
    if (denominator === null) add('denominator', '填写了分子时须同时填写分母', 'is required with numerator');
    else if (!Number.isFinite(denominator) || denominator <= 0)
      add('denominator', '分母应为正数', 'must be a number > 0');
  }

  let value = input.value ?? null;
  if (value !== null && (!Number.isFinite(value) || value < 0))
    add('value', '数值应为非负数', 'must be a number ≥ 0');
  const ratioOk = issues.every((i) => i.path[0] !== 'numerator' && i.path[0] !== 'denominator');
  if (hasRatio && ratioOk && numerator !== null && denominator !== null) {
    const derived = derivedValue(target.unit, numerator, denominator);
    if (value === null) value = derived;
    else if (Math.abs(value - derived) > Math.max(0.01, Math.abs(derived) * 0.001)) {
      add(
        'value',
        `数值 ${value} 与分子/分母算出的 ${derived} 不一致`,
        `${value} disagrees with numerator/denominator (${derived})`,
      );
    }
  }
  if (value === null && !hasRatio) add('value', '须填写数值', 'is required');

  if (input.note != null && (typeof input.note !== 'string' || input.note.length > NOTE_LIMIT)) {
    add('note', `备注不能超过 ${NOTE_LIMIT} 字`, `must be text of at most ${NOTE_LIMIT} characters`);
  }

  if (issues.length > 0 || value === null) return { ok: false, issues };
  const note = typeof input.note === 'string' && input.note.trim() !== '' ? input.note.trim() : null;
  return { ok: true, value: { year: input.year, member, value, numerator, denominator, note } };
}
