// @ts-check
/**
 * Shared look of every dabiao chart: status colours, Chinese labels, font sizes and the
 * shortening of long subjects. Pure data, so configurations stay plain JSON. A plain ES module
 * (like src/shared): the server imports it from TypeScript and the browser gets it at /charts/,
 * so a chart on the page and the PNG in a report come from the same configuration. The font
 * family is not named here: each side sets Chart.js's default (the bundled font on the server,
 * the page's font stack in the browser) and dabiao's plugins draw with that default.
 */

/** @typedef {import('../shared/index.js').Status} Status */

/**
 * 已达标 green, 进度正常 blue, 进度滞后 amber, 未达标 red, 未填报 grey.
 * @type {Record<Status, string>}
 */
export const STATUS_COLORS = {
  met: '#2e9d5b',
  on_track: '#2f6fd6',
  behind: '#e8a317',
  missed: '#d64541',
  unreported: '#9aa0a6',
};

export const TEXT_COLOR = '#262626';
export const GRID_COLOR = '#e3e3e3';
export const TARGET_LINE_COLOR = '#c0392b';
export const EXPECTED_LINE_COLOR = '#7f8c8d';

/**
 * Title block shared by all charts: bold, dark, with an optional grey subtitle.
 * @param {string} title @param {string | string[]} [subtitle] lines of a subtitle on a phone
 */
export function titleOptions(title, subtitle) {
  return {
    title: {
      display: true,
      text: title,
      color: TEXT_COLOR,
      font: { size: 16, weight: /** @type {const} */ ('bold') },
    },
    subtitle: {
      display: Boolean(subtitle),
      text: subtitle ?? '',
      color: '#666666',
      font: { size: 12 },
      padding: { bottom: 8 },
    },
  };
}

/**
 * Shortens a subject for an axis label. Chinese noun phrases put the head noun last
 * (`集实践教学和真实生产于一体的高水平实习实训基地` is a kind of 实训基地), so the tail is kept.
 * @example shortenSubject('集实践教学和真实生产于一体的高水平实习实训基地', 12) → '…高水平实习实训基地'
 * @param {string} subject @param {number} [maxChars]
 * @returns {string}
 */
export function shortenSubject(subject, maxChars = 14) {
  const plain = subject.replace(/[“”"‘’「」]/g, '').trim();
  const chars = Array.from(plain);
  if (chars.length <= maxChars) return plain;
  const tail = chars.slice(chars.length - (maxChars - 1));
  // Cut after a joining word where one falls in the kept tail, rather than mid-phrase.
  const joint = tail.findIndex((c) => JOINTS.has(c));
  const cut = joint >= 0 && tail.length - joint - 1 >= 4 ? joint + 1 : 0;
  return '…' + tail.slice(cut).join('');
}

/** Characters after which a Chinese noun phrase may be cut: 的, 和, 与, 及, 、. */
const JOINTS = new Set(['的', '和', '与', '及', '、']);
