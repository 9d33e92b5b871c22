/**
 * Shared look of every dabiao chart: status colours, Chinese labels, font sizes and the
 * shortening of long subjects. Pure data, so configurations stay plain JSON.
 */
import { CJK_FONT_FAMILY } from '../fonts/cjk-font';
import type { Status } from '../shared/index.js';

/** 已达标 green, 进度正常 blue, 进度滞后 amber, 未达标 red, 未填报 grey. */
export const STATUS_COLORS: Record<Status, string> = {
  met: '#2e9d5b',
  on_track: '#2f6fd6',
  behind: '#e8a317',
  missed: '#d64541',
  unreported: '#9aa0a6',
};

export const FONT_FAMILY = `'${CJK_FONT_FAMILY}', sans-serif`;
export const TEXT_COLOR = '#262626';
export const GRID_COLOR = '#e3e3e3';
export const TARGET_LINE_COLOR = '#c0392b';
export const EXPECTED_LINE_COLOR = '#7f8c8d';

/** Title block shared by all charts: bold, dark, with an optional grey subtitle. */
export function titleOptions(title: string, subtitle?: string) {
  return {
    title: { display: true, text: title, color: TEXT_COLOR, font: { size: 16, weight: 'bold' as const } },
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
 */
export function shortenSubject(subject: string, maxChars = 14): string {
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
