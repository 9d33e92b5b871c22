import { alternation } from '../rules/rule';
import { VERBS } from '../subjects/verbs';
import { MEMBER_HEAD } from '../scopes/rules';

const VERB = new RegExp(alternation(VERBS.filter((v) => v.length > 1)), 'g');

/**
 * The member named right before a yearly word (`职业学校有序安排教师每年…` → `教师`), or null
 * when the words there are not a member noun (`全市`, `城镇新增就业`).
 */
export function memberBeforeYear(before: string): string | null {
  let s = before.trim();
  let cut = 0;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(s); m; m = VERB.exec(s)) cut = m.index + m[0].length;
  s = s.slice(cut);
  s = s.replace(/^(?:全市|全省|全县|全区|全国|各类|所有)/, '');
  return s.length >= 2 && MEMBER_HEAD.test(s) ? s : null;
}
