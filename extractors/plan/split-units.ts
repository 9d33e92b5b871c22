/**
 * Splits a responsible-unit cell into unit names, as SCHEMA.md defines `units`: on `、`,
 * `，`, `,`, `；`, `;`, spaces and line breaks, each name trimmed, order kept.
 * @example splitUnits('市教育局、市民政局，相关行业主管部门') // ['市教育局', '市民政局', '相关行业主管部门']
 */
const UNIT_SEPARATORS = /[、，,；;\s\u3000]+/;

export function splitUnits(cell: string): string[] {
  return cell
    .split(UNIT_SEPARATORS)
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
}
