/**
 * The columns of an indicator table (主要指标表: `指标 | 2020年 | 2025年 | 属性`), found from its
 * header: the indicator column, the baseline columns (not targets), the target columns with the
 * year they are due, the attribute column (约束性/预期性, neither subject nor target) and a
 * 单位 column. Header words are data, as in `find-columns.ts`.
 */

export interface IndicatorColumns {
  indicator: number;
  /** Target columns with the deadline their header names (`2025年` → 2025), else null. */
  targets: { column: number; deadline: number | null }[];
  baselines: number[];
  attribute: number | null;
  unit: number | null;
  /** A unit written in a header's brackets (`目标值（%）`), by column. */
  headerUnits: Map<number, string>;
}

export const INDICATOR_HEADERS = {
  indicator: ['指标', '指标名称', '主要指标', '具体指标', '指标项', '指标内容', '评价指标', '考核指标'],
  target: ['目标值', '目标', '规划目标', '预期目标', '目标任务', '规划值', '预期值', '目标值（末期）'],
  baseline: ['基期值', '基期', '现状值', '现状', '基数', '基准值', '实绩', '完成值', '现状水平', '基础值'],
  attribute: ['属性', '指标属性', '指标类型', '性质', '指标性质'],
  unit: ['单位', '计量单位'],
};

/** A unit in brackets at the end of a cell: `棉花产量(万吨)` → `万吨`. */
export const BRACKET_UNIT = /[（(]([^（）()]{1,8})[）)]\s*$/;
const YEAR = /^(?:(?<year>(?:19|20)\d{2})\s*年?)(?<rest>.*)$/;

const bare = (cell: string): string => cell.replace(/[\s\u3000*＊:：]/g, '').replace(BRACKET_UNIT, '');
const isOne = (cell: string, words: readonly string[]): boolean => words.includes(bare(cell));

/**
 * Reads an indicator table's header, or null when the row is none.
 * @example findIndicatorColumns(['指标', '2020年', '2025年', '属性'])?.targets // [{ column: 2, deadline: 2025 }]
 */
export function findIndicatorColumns(header: readonly string[]): IndicatorColumns | null {
  const indicator = header.findIndex((c) => isOne(c, INDICATOR_HEADERS.indicator));
  if (indicator < 0) return null;
  const targets: IndicatorColumns['targets'] = [];
  const baselines: number[] = [];
  const years: { column: number; year: number; aim: boolean; base: boolean }[] = [];
  const headerUnits = new Map<number, string>();
  let attribute: number | null = null;
  let unit: number | null = null;
  header.forEach((cell, i) => {
    if (i === indicator) return;
    const inBrackets = BRACKET_UNIT.exec(cell.trim())?.[1];
    if (inBrackets) headerUnits.set(i, inBrackets);
    const name = bare(cell);
    const year = YEAR.exec(name);
    if (year) {
      const rest = year.groups!.rest ?? '';
      years.push({
        column: i,
        year: Number(year.groups!.year),
        aim: /目标|预期|规划/.test(rest),
        base: /基期|现状|实绩|完成|基数/.test(rest),
      });
    } else if (INDICATOR_HEADERS.target.includes(name)) targets.push({ column: i, deadline: null });
    else if (INDICATOR_HEADERS.baseline.includes(name)) baselines.push(i);
    else if (INDICATOR_HEADERS.attribute.includes(name)) attribute = i;
    else if (INDICATOR_HEADERS.unit.includes(name)) unit = i;
  });
  // Year columns: those marked as aims are targets; else the earliest is the baseline, the rest aim.
  const marked = years.filter((y) => y.aim);
  const earliest = Math.min(...years.map((y) => y.year));
  for (const y of years) {
    const aims = marked.length
      ? y.aim
      : !y.base && (y.year > earliest || (years.length === 1 && !baselines.length));
    if (aims) targets.push({ column: y.column, deadline: y.year });
    else baselines.push(y.column);
  }
  if (targets.length === 0) return null;
  return { indicator, targets, baselines, attribute, unit, headerUnits };
}
