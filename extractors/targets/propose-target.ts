/**
 * A target proposed from words an evaluator selected in a task's text: what the extractor
 * reads there, so that only corrections are left to type. The whole task is read first and
 * a target it finds inside the selection is taken with its context (subject, deadline named
 * elsewhere in the sentence); else the selection is read alone; else only its number and
 * unit are proposed. The quote is always the selection itself, with its offsets.
 */
import type { TargetFields } from '../types';
import { extractTargets } from './extract-targets';
import { probeUnit } from '../units/rules';

export interface ProposedTarget extends TargetFields {
  start: number;
  end: number;
  /** How much the extractor understood: a whole target, or only a number and unit. */
  reading: 'target' | 'number' | 'none';
}

/**
 * @example proposeTarget('到2025年，全市建成示范校3所。', 10, 13) // { quote: '示范校3所', value: 3, unit: '所', deadline: 2025, … }
 */
export function proposeTarget(text: string, start: number, end: number): ProposedTarget {
  const quote = text.slice(start, end);
  const read = extractTargets(text);
  const inside =
    read.find((t) => t.start >= start && t.end <= end) ?? read.find((t) => t.start < end && t.end > start);
  if (inside) return { ...fieldsOf(inside), quote, start, end, reading: 'target' };
  const alone = extractTargets(quote)[0];
  if (alone) return { ...fieldsOf(alone), quote, start, end, reading: 'target' };
  const number = probeUnit(quote);
  return {
    quote,
    start,
    end,
    subject:
      quote
        .replace(/[\d.,，。；、％%]+/g, '')
        .trim()
        .slice(0, 200) || quote,
    value: number?.value ?? 0,
    max: null,
    unit: number?.unit ?? '',
    op: 'gte',
    deadline: null,
    per: null,
    each: null,
    base: null,
    reading: number ? 'number' : 'none',
  };
}

function fieldsOf(t: TargetFields): TargetFields {
  return {
    quote: t.quote,
    subject: t.subject,
    value: t.value,
    max: t.max,
    unit: t.unit,
    op: t.op,
    deadline: t.deadline,
    per: t.per,
    each: t.each,
    base: t.base,
  };
}
