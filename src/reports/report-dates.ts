/**
 * Dates and times as the report's readers see them: on their own clock (the configured time
 * zone, Asia/Shanghai by default), not the server's UTC — a report made at 00:30 in Beijing
 * is dated that day, not the day before.
 */
import { DEFAULT_TIME_ZONE } from '../shared/index.js';

function parts(date: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(date)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/** `2026 年 11 月 23 日` on the readers' clock. */
export function chineseDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(date, timeZone);
  return `${p.year} 年 ${Number(p.month)} 月 ${Number(p.day)} 日`;
}

/** `2025-01-15 10:00` on the readers' clock (table cells), `—` for none. */
export function tableTime(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(d, timeZone);
  const two = (s: string) => s.padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${p.hour}:${p.minute}`;
}

/** How a report names the readers' clock: `北京时间` for Asia/Shanghai, else the zone's name. */
export function timeZoneLabel(timeZone = DEFAULT_TIME_ZONE): string {
  return timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
}
