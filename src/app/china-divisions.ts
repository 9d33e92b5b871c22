/**
 * China's prefecture- and county-level divisions from the npm package `@vant/area-data`
 * (Vant's province/city/county table by GB/T 2260 code, maintained with the Vant UI library;
 * 340 KB, no dependencies). A plan's jurisdiction is looked up here so that its members
 * (the counties, county-level cities and districts) are proposed rather than typed.
 * Economic and development zones (codes ending 70–79, e.g. 吉林高新技术产业开发区) are not
 * administrative divisions and are left out.
 */
import { areaList } from '@vant/area-data';
import type { JurisdictionMember } from '../db/store';
import type { MemberKind } from '../shared/index.js';

export interface Division {
  name: string;
  province: string;
  /** County-level members of a prefecture-level division; empty for a county-level one. */
  members: JurisdictionMember[];
}

/** Codes whose last two digits are 70–79 are development zones, not divisions (81–99 are county-level cities). */
const isZone = (code: string) => code[4] === '7';

/** 区 (district), 市 (county-level city), everything else (县, 旗, 自治县 …) a county. */
export function memberKind(name: string): MemberKind {
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('市')) return 'city';
  return 'county';
}

let index: Map<string, Division> | null = null;

/** Every division by name, built once; a county-level name shared by two places keeps the first. */
function divisions(): Map<string, Division> {
  if (index) return index;
  const { province_list: provinces, city_list: cities, county_list: counties } = areaList;
  const byCity = new Map<string, JurisdictionMember[]>();
  for (const [code, name] of Object.entries(counties)) {
    if (isZone(code)) continue;
    const city = code.slice(0, 4);
    const list = byCity.get(city) ?? [];
    list.push({ name, kind: memberKind(name) });
    byCity.set(city, list);
  }
  index = new Map();
  for (const [code, name] of Object.entries(cities)) {
    const province = provinces[code.slice(0, 2) + '0000'] ?? '';
    if (!index.has(name)) index.set(name, { name, province, members: byCity.get(code.slice(0, 4)) ?? [] });
  }
  for (const [code, name] of Object.entries(counties)) {
    if (isZone(code) || index.has(name)) continue;
    index.set(name, { name, province: provinces[code.slice(0, 2) + '0000'] ?? '', members: [] });
  }
  return index;
}

/** A division by its full name (`吉林市`, `梨树县`), or null. */
export function findDivision(name: string): Division | null {
  return divisions().get(name.trim()) ?? null;
}

/** Whether the name is a known division: the extractor's test for a place in a title. */
export function isDivision(name: string): boolean {
  return divisions().has(name.trim());
}

/** The prefecture-level divisions (with members), by province, for a picker. */
export function prefectureDivisions(): Division[] {
  return [...divisions().values()].filter((d) => d.members.length > 0);
}
