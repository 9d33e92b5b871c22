/**
 * Responsible units named inside prose, where a plan without a task table states them:
 * `（责任单位：市教育局、市财政局）`, `牵头单位：市卫健委；配合单位：市医保局`,
 * `（市卫健委牵头，市医保局配合）`.
 */
import type { TaskUnit } from '../types';
import { splitUnits } from './split-units';

/** A run of unit names; a name may hold one level of brackets: `各县（市）区政府`. */
const NAMES = String.raw`(?:[^（）()；;。\n]|[（(][^（）()]{1,10}[）)])`;

/** `（责任单位：市教育局、市财政局）`, `牵头单位：市卫健委；配合单位：市医保局`. */
const LEAD_LABEL = new RegExp(String.raw`(?:责任单位|牵头单位|责任部门|牵头部门)\s*[：:]\s*(${NAMES}+)`);
const SUPPORT_LABEL = new RegExp(String.raw`(?:配合单位|协办单位|配合部门|参与单位)\s*[：:]\s*(${NAMES}+)`);
/** `（市卫健委牵头，市医保局、各县（市）区政府配合）`. */
const LEAD_SUPPORT_PAREN = new RegExp(
  String.raw`[（(](${NAMES}{2,60}?)牵头(?:[，,；;]\s*(${NAMES}{2,80}?)(?:配合|参与))?[）)]`,
);

/** Units named in a piece of prose, lead first; empty when it names none. */
export function unitsInProse(text: string): TaskUnit[] {
  const lead = LEAD_LABEL.exec(text);
  const paren = lead ? null : LEAD_SUPPORT_PAREN.exec(text);
  const leadCell = lead?.[1] ?? paren?.[1] ?? '';
  const supportCell = SUPPORT_LABEL.exec(text)?.[1] ?? paren?.[2] ?? '';
  const leads = splitUnits(leadCell).map((name, i): TaskUnit => ({
    name,
    role: i === 0 ? 'lead' : 'support',
  }));
  const supports = splitUnits(supportCell).map((name): TaskUnit => ({ name, role: 'support' }));
  return [...leads, ...supports];
}
