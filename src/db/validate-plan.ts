/**
 * Checks on plan edits and jurisdiction members that no request schema can express
 * (a start after the horizon, a member listed twice). Violations are `unprocessable`
 * with one issue per field, Chinese first.
 */
import { DomainError, type ErrorIssue } from '../errors';
import type { JurisdictionMember, PlanPatch, PlanRecord } from './store';
import { YEAR_BOUNDS, isPlanYear } from '../shared/index.js';

/** PostgreSQL text cannot hold U+0000, and no real text has it: such input is refused on both dialects. */
export function hasControlNul(value: unknown): boolean {
  return typeof value === 'string' && value.includes('\u0000');
}

/** Issues for the named text fields that contain U+0000. */
export function nulIssues(fields: Record<string, unknown>, prefix: (string | number)[] = []): ErrorIssue[] {
  return Object.entries(fields)
    .filter(([, v]) => hasControlNul(v))
    .map(([field]) => ({
      path: [...prefix, field],
      message: `${field}：含有不可见的控制字符（U+0000） / ${field} contains a NUL character`,
    }));
}

/** An issue when `year` is not a whole year within YEAR_BOUNDS (src/shared), else null. */
export function yearIssue(year: unknown, path: (string | number)[]): ErrorIssue | null {
  if (isPlanYear(year)) return null;
  const field = String(path[path.length - 1]);
  const { min, max } = YEAR_BOUNDS;
  return {
    path,
    message: `${field}：年份应为 ${min} 至 ${max} 之间的整数 / ${field} must be a year between ${min} and ${max}`,
  };
}

/** Throws `unprocessable` when an edit leaves an empty title or a start after the horizon. */
export function validatePlanPatch(current: PlanRecord, patch: PlanPatch): void {
  const issues: ErrorIssue[] = [];
  if (patch.title !== undefined && patch.title.trim() === '') {
    issues.push({ path: ['title'], message: 'title：标题不能为空 / title must not be empty' });
  }
  issues.push(...nulIssues({ title: patch.title, issuer: patch.issuer }));
  for (const field of ['startYear', 'horizonYear'] as const) {
    const issue = patch[field] !== undefined ? yearIssue(patch[field], [field]) : null;
    if (issue) issues.push(issue);
  }
  const start = patch.startYear ?? current.startYear;
  const horizon = patch.horizonYear ?? current.horizonYear;
  if (issues.length === 0 && start > horizon) {
    issues.push({
      path: [patch.horizonYear !== undefined ? 'horizonYear' : 'startYear'],
      message: `起始年份 ${start} 晚于目标年份 ${horizon} / startYear ${start} is after horizonYear ${horizon}`,
    });
  }
  if (issues.length > 0) throw new DomainError('unprocessable', undefined, issues);
}

/** Throws `unprocessable` for an empty, repeated or wrongly kinded member. */
export function validateMembers(members: JurisdictionMember[]): void {
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    issues.push(...nulIssues({ name: m.name }, ['members', i]));
    const name = typeof m.name === 'string' ? m.name.trim() : '';
    if (name === '')
      issues.push({
        path: ['members', i, 'name'],
        message: 'name：成员名称不能为空 / member name must not be empty',
      });
    else if (seen.has(name))
      issues.push({ path: ['members', i, 'name'], message: `name：成员“${name}”重复 / member listed twice` });
    seen.add(name);
    if (!['county', 'city', 'district'].includes(m.kind)) {
      issues.push({
        path: ['members', i, 'kind'],
        message:
          'kind：类型应为县、县级市或区（county / city / district） / kind must be county, city or district',
      });
    }
  }
  if (issues.length > 0) throw new DomainError('unprocessable', undefined, issues);
}
