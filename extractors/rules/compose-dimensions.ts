/**
 * Rules that compose dimensions, as Duckling's `[dimension Numeral, regex "个"]`: a pattern is a
 * sequence of parts, each either another dimension's result read at a position (a number, a
 * unit, a comparison) or a regex piece, so a rule names what it builds on instead of re-parsing it.
 */
import type { Found } from './rule';

/** One part of a composed pattern: what it reads at `pos`, with where it ends. */
export interface Part<V = unknown> {
  name: string;
  at: (text: string, pos: number) => { end: number; value: V } | null;
  /** An optional part that is absent yields `null` and takes no text. */
  optional?: boolean;
}

/** A rule whose pattern is a sequence of parts; `produce` sees each part's value in order. */
export interface ComposedRule<T> {
  name: string;
  parts: readonly Part[];
  /** Builds the result from each part's value; `start`/`end` are the match's span in `text`. */
  produce: (values: readonly unknown[], text: string, start: number, end: number) => T | null;
}

/** A regex piece as a part (compiled sticky once). */
export function regexPart(name: string, source: RegExp, optional = false): Part<string> {
  // Sticky matches at the position already; a leading ^ would only match at the text's start.
  const re = new RegExp(source.source.replace(/^\^/, ''), source.flags.replace(/[gy]/g, '') + 'y');
  return {
    name,
    optional,
    at: (text, pos) => {
      re.lastIndex = pos;
      const m = re.exec(text);
      return m ? { end: pos + m[0].length, value: m[0] } : null;
    },
  };
}

/** Another dimension's result as a part: `find` reads it at a position (a sticky match). */
export function dimensionPart<V>(
  name: string,
  find: (text: string, pos: number) => Found<V> | null,
  optional = false,
): Part<V> {
  return {
    name,
    optional,
    at: (text, pos) => {
      const f = find(text, pos);
      return f && f.start === pos ? { end: f.end, value: f.value } : null;
    },
  };
}

/** The same part, optional. */
export const optional = <V>(part: Part<V>): Part<V> => ({ ...part, optional: true });

/**
 * Matches a composed rule at `pos`: every part in turn, spaces between parts skipped, and the
 * production of their values, or null when a part is missing or the rule declines.
 * @example matchComposed('≥0.65', 0, BARE_FIGURE) // { start: 0, end: 5, value: { op: 'gte', value: 0.65 } }
 */
export function matchComposed<T>(text: string, pos: number, rule: ComposedRule<T>): Found<T> | null {
  const values: unknown[] = [];
  let p = pos;
  for (const part of rule.parts) {
    while (text[p] === ' ' || text[p] === '\u3000') p++;
    const hit = part.at(text, p);
    if (hit) {
      values.push(hit.value);
      p = hit.end;
    } else if (part.optional) values.push(null);
    else return null;
  }
  const value = rule.produce(values, text, pos, p);
  return value === null ? null : { rule: rule.name, start: pos, end: p, value };
}
