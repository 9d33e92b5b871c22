/**
 * The identity of a responsible unit as the store keeps it. Plans write the same unit with
 * half- or full-width brackets and stray spaces (`各县(市)政府`, `各县（市）政府`,
 * `市教育局 `); the store keeps one row per unit, under the full-width form Chinese
 * typesetting uses. Extraction output keeps the text as written: only the store boundary
 * (import, unit filters) passes names through here.
 */

const HALF_WIDTH_BRACKETS: Record<string, string> = { '(': '（', ')': '）' };

/** Whitespace next to a non-ASCII character is layout, not part of a name: `市 教育局`. */
const SPACE_BESIDE_WIDE = /\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g;

/**
 * The name a unit is stored and looked up under: trimmed, full-width brackets, no spaces
 * beside Chinese characters; other whitespace runs become one space.
 *
 * @example unitName(' 各县(市)政府 ') // '各县（市）政府'
 */
export function unitName(written: string): string {
  return written
    .replace(/[()]/g, (c) => HALF_WIDTH_BRACKETS[c]!)
    .trim()
    .replace(SPACE_BESIDE_WIDE, '')
    .replace(/\s+/g, ' ');
}
