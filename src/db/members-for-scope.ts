/**
 * Which jurisdiction members a per-member scope ranges over. Plans write the scope as they
 * please (`每个县（市）`, `各县（市）区`, `每个县（市）职教中心`); only 区 brings city districts in,
 * otherwise a scope means the counties and county-level cities.
 */
import type { JurisdictionMember } from './store';

/** True when the scope ranges over the jurisdiction (mentions 县, 市 or 区), not over teachers or schools. */
export function isJurisdictionScope(scope: string): boolean {
  return /[县市区]/.test(scope);
}

/**
 * The members a scope ranges over; an empty list for a scope that is not jurisdictional.
 * @example membersForScope('每个县（市）区', members) // counties, cities and districts
 */
export function membersForScope(scope: string, members: JurisdictionMember[]): JurisdictionMember[] {
  if (!isJurisdictionScope(scope)) return [];
  const withDistricts = scope.includes('区');
  return members.filter((m) => m.kind !== 'district' || withDistricts);
}
