import { judgeSeries } from './judge-series';
import { expectedFor } from './series-kind';
import { figuresByYear, normaliseMember } from './resolve-figure';
import type { Observation } from './plan-progress-input';
import type { MemberProgress, ProgressSettings, ProgressTarget, TargetProgress } from './types';
import type { Status } from '../shared/index.js';

/** How many member names a note spells out before summarising the rest. */
const NAMES_IN_NOTE = 5;

/**
 * Where one quantified target stands as of the end of `settings.asOfYear`: status, completion,
 * 序时进度, the figure judged and a Chinese note saying why. Pure: the same target and figures
 * always give the same answer, whatever order the figures were entered in.
 *
 * A missing deadline is the plan's horizon. Per-member (`each`) targets are judged for every
 * member in `settings.members` (figures from members no longer listed are ignored) and
 * summarised as members met / members. A scope with no member list (教师, 优质职业院校, or a
 * plan without its jurisdiction set up) is judged over the members that reported, when any
 * did, else on the figure entered for the whole area.
 *
 * @example 培育 20 门左右市级思政示范课程, 18 reported for 2024 → met (18 ≥ 90% of 20)
 */
export function computeTargetProgress(
  target: ProgressTarget,
  observations: Observation[],
  settings: ProgressSettings,
): TargetProgress {
  const deadline = target.deadline ?? settings.horizonYear;
  return { ...judgeTarget(target, observations, settings, deadline), due: settings.asOfYear >= deadline };
}

function judgeTarget(
  target: ProgressTarget,
  observations: Observation[],
  settings: ProgressSettings,
  deadline: number,
): Omit<TargetProgress, 'due'> {
  const expected = expectedFor(target, settings, deadline);
  const roster = [...new Set(settings.members.map(normaliseMember).filter((m): m is string => m !== null))];
  if (target.each !== null && roster.length > 0) {
    return judgeMembers(target, observations, { ...settings, members: roster }, deadline, expected);
  }
  const reporters = reportingMembers(observations);
  if (target.each !== null && reporters.length > 0) {
    const judged = judgeMembers(
      target,
      observations,
      { ...settings, members: reporters },
      deadline,
      expected,
    );
    return {
      ...judged,
      note: `按已填报的 ${reporters.length} 个单位判断（“${target.each}”无成员名单）；${judged.note}`,
    };
  }
  const judged = judgeSeries(target, figuresByYear(target, observations, null), settings, deadline, expected);
  // A scope without a member list (教师每年…, or no jurisdiction set up) is reported as one
  // figure for the whole area, the way statistics offices collect such figures.
  const note =
    target.each === null ? judged.note : `按全域填报数判断（“${target.each}”无成员名单）；${judged.note}`;
  return { targetId: target.id, expected, ...judged, note, members: null, membersMet: null };
}

/** Members that entered a figure, in the order they first did. */
function reportingMembers(observations: Observation[]): string[] {
  const names = observations.map((o) => normaliseMember(o.member)).filter((m): m is string => m !== null);
  return [...new Set(names)];
}

function judgeMembers(
  target: ProgressTarget,
  observations: Observation[],
  settings: ProgressSettings,
  deadline: number,
  expected: number,
): Omit<TargetProgress, 'due'> {
  const roster = settings.members;
  const figures = roster.map((member) => figuresByYear(target, observations, member));
  const judgeAsOf = (asOfYear: number) =>
    figures.map((byYear) => {
      const at = { ...settings, asOfYear };
      return judgeSeries(target, byYear, at, deadline, expectedFor(target, at, deadline));
    });

  const judged = judgeAsOf(settings.asOfYear);
  const members: MemberProgress[] = judged.map((j, i) => ({
    member: roster[i] ?? '',
    status: j.status,
    completion: j.completion,
    latest: j.latest?.value ?? null,
  }));
  const membersMet = members.filter((m) => m.status === 'met').length;
  const judgedYear = Math.min(settings.asOfYear, deadline);
  // The chart of an `each` target plots how many members had met it at each year's end.
  const firstYear = Math.min(
    settings.startYear,
    ...judged.map((j) => j.series[0]?.year ?? settings.startYear),
  );
  const series = [];
  for (let year = firstYear; year <= settings.asOfYear; year++) {
    series.push({ year, value: judgeAsOf(year).filter((j) => j.status === 'met').length });
  }
  const base = {
    targetId: target.id,
    expected,
    // Each member's change is in its own figures; the tally has none of its own.
    change: null,
    series,
    aboveRange: judged.some((j) => j.aboveRange),
    members,
    membersMet,
    // For the tally, the "latest figure" is the number of members met in the judged year.
    latest: { year: judgedYear, value: membersMet },
  };

  const silent = members.filter((m) => m.status === 'unreported').map((m) => m.member);
  if (silent.length === roster.length && judgedYear >= settings.startYear) {
    return {
      ...base,
      status: 'unreported',
      completion: null,
      latest: null,
      note: `${judgedYear} 年各成员均未填报`,
    };
  }
  const completion = membersMet / roster.length;
  let status: Status;
  if (membersMet === roster.length) status = 'met';
  else if (settings.asOfYear >= deadline) status = 'missed';
  else status = completion >= settings.onTrackRatio * expected ? 'on_track' : 'behind';
  let note = `${membersMet}/${roster.length} 个成员达标`;
  if (silent.length > 0) {
    const named = silent.slice(0, NAMES_IN_NOTE).join('、');
    note += `；${judgedYear} 年未填报：${named}${silent.length > NAMES_IN_NOTE ? ` 等 ${silent.length} 个` : ''}`;
  }
  return { ...base, status, completion, note };
}
