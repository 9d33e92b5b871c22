/**
 * The building block of every dimension (Duckling style): a small named rule whose `produce`
 * turns one regex match into a value, or returns null when the match does not apply.
 */
export interface Rule<T> {
  name: string;
  /** Must be a global, sticky-free regex built from named parts; `matchRules` resets it. */
  pattern: RegExp;
  produce: (match: RegExpExecArray, text: string) => T | null;
  /**
   * Characters of which at least one must occur for the rule to match (`'号'`, `'每各'`):
   * a rule whose characters are absent is skipped without scanning the text.
   */
  needs?: string | RegExp;
}

/** A produced value with the span of the text it came from. */
export interface Found<T> {
  rule: string;
  start: number;
  end: number;
  value: T;
}

/** Runs every rule over the whole text and returns what they produce, in text order. */
export function matchRules<T>(text: string, rules: readonly Rule<T>[]): Found<T>[] {
  const found: Found<T>[] = [];
  for (const rule of rules) {
    if (rule.needs && !hasAny(text, rule.needs)) continue;
    const re = global(rule.pattern);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const value = rule.produce(m, text);
      if (value !== null) found.push({ rule: rule.name, start: m.index, end: m.index + m[0].length, value });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** What the rules find with overlaps resolved: the earliest match wins, the longest of those starting together. */
export function matchWithoutOverlaps<T>(text: string, rules: readonly Rule<T>[]): Found<T>[] {
  const kept: Found<T>[] = [];
  let reach = -1;
  for (const f of matchRules(text, rules)) {
    if (f.start < reach) continue;
    kept.push(f);
    reach = f.end;
  }
  return kept;
}

/** Joins named regex fragments into one alternation, longest first so the longest word wins. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}

/** Compiles a pattern written as named parts: `compose('u', PREFIX, NUMBER, SUFFIX)`. */
export function compose(flags: string, ...parts: string[]): RegExp {
  return new RegExp(parts.join(''), flags);
}

/**
 * Tries every rule anchored at `pos` (the rules' patterns are compiled sticky) and returns
 * the longest production, or null when none applies there.
 */
export function matchAt<T>(text: string, pos: number, rules: readonly Rule<T>[]): Found<T> | null {
  let best: Found<T> | null = null;
  for (const rule of rules) {
    const re = sticky(rule.pattern);
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || (best && m[0].length <= best.end - best.start)) continue;
    const value = rule.produce(m, text);
    if (value !== null) best = { rule: rule.name, start: pos, end: pos + m[0].length, value };
  }
  return best;
}

const stickyCache = new WeakMap<RegExp, RegExp>();
function sticky(re: RegExp): RegExp {
  let s = stickyCache.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
    stickyCache.set(re, s);
  }
  return s;
}

const globalCache = new WeakMap<RegExp, RegExp>();
function global(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
    globalCache.set(re, g);
  }
  return g;
}

/** A lexicon written as one space-separated line per group: `words('个 门 所')` → ['个', '门', '所']. */
export const words = (...lines: string[]): string[] => lines.join(' ').split(/\s+/).filter(Boolean);

/** A rule's `needs` as one character-class test, compiled once. */
const needsCache = new Map<string, RegExp>();
function hasAny(text: string, needs: string | RegExp): boolean {
  if (typeof needs !== 'string') return needs.test(text);
  let re = needsCache.get(needs);
  if (!re) {
    re = new RegExp(`[${needs.replace(/[\\\]^-]/g, '\\$&')}]`);
    needsCache.set(needs, re);
  }
  return re.test(text);
}

/** The characters words start with: the `needs` of a rule built from a lexicon. */
export const firstChars = (lexicon: readonly string[]): string =>
  [...new Set(lexicon.map((w) => w[0]))].join('');

/**
 * A word list indexed by first character: `longestAt` finds the longest word starting at a
 * position with a few string comparisons instead of trying a long regex alternation.
 */
export class Lexicon {
  private readonly byFirst = new Map<string, string[]>();
  readonly words: readonly string[];
  constructor(words: readonly string[]) {
    this.words = words;
    for (const w of [...words].sort((a, b) => b.length - a.length)) {
      const list = this.byFirst.get(w[0]!) ?? [];
      list.push(w);
      this.byFirst.set(w[0]!, list);
    }
  }
  longestAt(text: string, pos: number): string | null {
    const candidates = this.byFirst.get(text[pos] ?? '');
    if (candidates) for (const w of candidates) if (text.startsWith(w, pos)) return w;
    return null;
  }
}
