/**
 * The real county-level divisions of the two seed plans' cities, which their per-member
 * targets (`每个县（市）`, `每个县（市）区`) range over. Districts are the cities' own urban
 * districts; a scope reaches them only when it says 区.
 */
import type { JurisdictionMember } from '../db/store';

export interface Jurisdiction {
  name: string;
  members: JurisdictionMember[];
}

/** 吉林市: 4 districts, 1 county, 4 county-level cities. */
export const JILIN: Jurisdiction = {
  name: '吉林市',
  members: [
    { name: '昌邑区', kind: 'district' },
    { name: '龙潭区', kind: 'district' },
    { name: '船营区', kind: 'district' },
    { name: '丰满区', kind: 'district' },
    { name: '永吉县', kind: 'county' },
    { name: '蛟河市', kind: 'city' },
    { name: '桦甸市', kind: 'city' },
    { name: '舒兰市', kind: 'city' },
    { name: '磐石市', kind: 'city' },
  ],
};

/** 四平市: 2 districts, 2 counties, 1 county-level city. */
export const SIPING: Jurisdiction = {
  name: '四平市',
  members: [
    { name: '铁西区', kind: 'district' },
    { name: '铁东区', kind: 'district' },
    { name: '梨树县', kind: 'county' },
    { name: '伊通满族自治县', kind: 'county' },
    { name: '双辽市', kind: 'city' },
  ],
};

/** Known jurisdictions by name, for `dabiao import --jurisdiction 吉林市`. */
export const JURISDICTIONS: Record<string, Jurisdiction> = { [JILIN.name]: JILIN, [SIPING.name]: SIPING };
