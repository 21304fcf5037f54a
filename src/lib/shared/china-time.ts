/**
 * China Standard Time (UTC+8, no daylight saving since 1991), the one clock of the project: the build day of
 * the contract, the "更新时间" of the pages, the change report's timestamps, the months that have happened.
 */

/** The calendar fields of an instant in China Standard Time. */
export interface ChinaTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const OFFSET_MS = 8 * 3600_000;

/** The China Standard Time fields of a Date or an ISO timestamp; an unparsable one gives null. */
export function chinaTime(instant: Date | string): ChinaTime | null {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(t)) return null;
  const d = new Date(t + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant as the pages show it: "2026年11月29日 14:00"; an unparsable one gives "—". */
export function formatDateTime(iso: string): string {
  const c = chinaTime(iso);
  if (c === null) return '—';
  return `${c.year}年${c.month}月${c.day}日 ${pad2(c.hour)}:${pad2(c.minute)}`;
}

/**
 * An instant as the change report and logs write it: "2026-11-29 14:00", with `seconds` "2026-11-29 14:00:05";
 * an unparsable one is returned as is.
 */
export function formatDateTimeIso(iso: string, seconds = false): string {
  const c = chinaTime(iso);
  if (c === null) return iso;
  const time = `${pad2(c.hour)}:${pad2(c.minute)}${seconds ? `:${pad2(c.second)}` : ''}`;
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)} ${time}`;
}
