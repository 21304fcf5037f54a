/**
 * The placeholder syntax of the report template (`data/report-template.md`).
 *
 * A placeholder is `{{ 引用 [@年份] [| 修饰符 [参数]] … }}` on one line:
 *
 * | written                                   | gives (2024 report)                                  |
 * |-------------------------------------------|------------------------------------------------------|
 * | `{{ funding.total }}`                     | the report year's value with unit: "576.2 万元"      |
 * | `{{ funding.total | value }}`             | the number only: "576.2"                             |
 * | `{{ funding.total | yoy }}`               | "增长 12.4%" / "下降 3.0%" / "持平"; no previous value: "—（无上年数据）", previous 0: "—（上年为零）" |
 * | `{{ funding.total | prev }}`              | the previous year's value with unit; none: "—（无上年数据）" |
 * | `{{ funding.total @2023 }}`, `| year 2023`| another year; `@-1` / `| year -1` is relative to the report year |
 * | `{{ militia.cases | sum -1..0 }}`         | sum over the previous and the report year (近两年)   |
 * | `{{ funding.total | sum 2018-2025 }}`     | sum over fixed years; `sum ..0` = from the metric's first year with data to the report year (累计) |
 * | `{{ indicator:走访调研驻军次数 }}`        | any indicators.csv figure by name; `{{ 指标:走访调研驻军次数 }}` is the same |
 * | `{{ funding.category:科技拥军 }}`         | any other summary.json metric id                     |
 * | `{{ training.kind.participants:国防教育 }}` | a key of a details.json breakdown (`<breakdown id>:<key>`) |
 * | `{{ streak }}` (= `{{ streak.years }}`)   | consecutive years of the streak honour up to the report year: "8 年" (`| value`: "8") |
 * | `{{ streak.title }}`, `{{ streak.through }}` | the honour's title ("双拥模范城"), the streak's last year ("2024") |
 * | `{{ year }}`, `{{ year @-1 }}`            | the report year "2024" (or another year), no unit    |
 * | `{{ district }}`                          | the district name from config.json                   |
 *
 * Modifiers chain with `|` (`{{ funding.total @2023 | yoy }}`); Chinese names work too: 数值 (value),
 * 同比 (yoy), 上年 (prev), 年份 (year), 合计 (sum). Full-width `｜`, `＠`, `：` and digits are accepted.
 * A year is 4 digits (absolute) or 0 / a signed number (relative to the report year, or to `@` when given).
 * This module only checks the syntax; whether a metric exists is decided against summary.json when rendering.
 */
import { indicatorMetricId } from '../shared/metric-def.ts';

/** A year written absolutely (`2023`) or relative to the report year (`-1`, `0`, `+1`). */
export type YearRef = { kind: 'absolute'; year: number } | { kind: 'relative'; offset: number };

export type PlaceholderRef =
  | { kind: 'metric'; id: string }
  | { kind: 'streak'; field: 'years' | 'title' | 'through' }
  | { kind: 'year' }
  | { kind: 'district' };

export interface Placeholder {
  ref: PlaceholderRef;
  /** Base year (`@` or `| year`); null = the report year. */
  at: YearRef | null;
  /** `| prev`: the year before the base year. */
  prev: boolean;
  /** `| sum A..B`: a range of years; a null bound is the metric's first year with data (from) or the base year (to). */
  sum: { from: YearRef | null; to: YearRef | null } | null;
  /** Output form: value with unit (full), number only (value), or the year-over-year change in words (yoy). */
  form: 'full' | 'value' | 'yoy';
}

export type PlaceholderError =
  | { code: 'report_empty'; params: Record<string, never> }
  | { code: 'report_unknown_modifier'; params: { name: string } }
  | { code: 'report_bad_argument'; params: { name: string; value: string; expected: string } }
  | { code: 'report_conflict'; params: { name: string; other: string } }
  | { code: 'report_not_applicable'; params: { name: string; ref: string } };

export type ParsedPlaceholder = { ok: true; placeholder: Placeholder } | { ok: false; error: PlaceholderError };

const MODIFIER_ALIASES: Record<string, 'value' | 'yoy' | 'prev' | 'year' | 'sum'> = {
  value: 'value',
  数值: 'value',
  yoy: 'yoy',
  同比: 'yoy',
  prev: 'prev',
  上年: 'prev',
  year: 'year',
  年份: 'year',
  sum: 'sum',
  合计: 'sum',
};

const YEAR_EXPECTED = '应为4位年份（如 2023）或相对于报告年度的 0、-1、+1 等';
const RANGE_EXPECTED = '应为年份范围，如 2018-2025、2018..2025、-1..0（近两年）或 ..0（累计到报告年度）';

/** Fold full-width forms an IME produces into ASCII: digits, `｜`, `＠`, `：`, `＋`, `－`, `．`, `～`. */
export function foldWidth(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/｜/g, '|')
    .replace(/＠/g, '@')
    .replace(/：/g, ':')
    .replace(/＋/g, '+')
    .replace(/[－−]/g, '-')
    .replace(/．/g, '.')
    .replace(/\u3000/g, ' ');
}

/** Read a year argument: 4 digits absolute, 0 or signed relative; anything else gives null. */
export function parseYearRef(s: string): YearRef | null {
  const t = s.trim();
  if (/^\d{4}$/.test(t)) return { kind: 'absolute', year: Number(t) };
  if (t === '0') return { kind: 'relative', offset: 0 };
  const m = /^([+-])(\d{1,3})$/.exec(t);
  if (m) return { kind: 'relative', offset: (m[1] === '-' ? -1 : 1) * Number(m[2]) };
  return null;
}

/** Read a range `A..B` (either bound may be left out) or `YYYY-YYYY`; null when malformed. */
export function parseRange(s: string): { from: YearRef | null; to: YearRef | null } | null {
  const t = s.trim();
  const abs = /^(\d{4})\s*[-~至]\s*(\d{4})$/.exec(t);
  if (abs) {
    const from = Number(abs[1]);
    const to = Number(abs[2]);
    return from <= to ? { from: { kind: 'absolute', year: from }, to: { kind: 'absolute', year: to } } : null;
  }
  const dots = t.indexOf('..');
  if (dots < 0) return null;
  const a = t.slice(0, dots).trim();
  const b = t.slice(dots + 2).trim();
  const from = a === '' ? null : parseYearRef(a);
  const to = b === '' ? null : parseYearRef(b);
  if ((a !== '' && !from) || (b !== '' && !to)) return null;
  if (from && to && from.kind === to.kind) {
    const fa = from.kind === 'absolute' ? from.year : from.offset;
    const tb = to.kind === 'absolute' ? to.year : to.offset;
    if (fa > tb) return null;
  }
  return { from, to };
}

function parseRef(s: string): PlaceholderRef | null {
  const t = s.trim();
  if (t === '') return null;
  if (t === 'year' || t === '年度') return { kind: 'year' };
  if (t === 'district' || t === '区名') return { kind: 'district' };
  if (t === 'streak' || t === 'streak.years') return { kind: 'streak', field: 'years' };
  if (t === 'streak.title') return { kind: 'streak', field: 'title' };
  if (t === 'streak.through') return { kind: 'streak', field: 'through' };
  const colon = t.indexOf(':');
  if (colon > 0) {
    const prefix = t.slice(0, colon).trim();
    const name = t.slice(colon + 1).trim();
    if (name === '') return { kind: 'metric', id: `${prefix}:` };
    if (prefix === '指标' || prefix === 'indicator') return { kind: 'metric', id: indicatorMetricId(name) };
    return { kind: 'metric', id: `${prefix}:${name}` };
  }
  return { kind: 'metric', id: t };
}

/** The name an admin would recognise in an error: the ref as written, trimmed. */
function refName(ref: PlaceholderRef): string {
  switch (ref.kind) {
    case 'metric':
      return ref.id;
    case 'streak':
      return ref.field === 'years' ? 'streak' : `streak.${ref.field}`;
    default:
      return ref.kind;
  }
}

/** Parse the text between `{{` and `}}`; an error names what is wrong in the syntax (metric existence is not checked here). */
export function parsePlaceholder(inner: string): ParsedPlaceholder {
  const text = foldWidth(inner).trim();
  if (text === '') return { ok: false, error: { code: 'report_empty', params: {} } };
  const parts = text.split('|');
  const head = parts[0] ?? '';
  let refText = head;
  let atText: string | null = null;
  const atPos = head.indexOf('@');
  if (atPos >= 0) {
    refText = head.slice(0, atPos);
    atText = head.slice(atPos + 1).trim();
  }
  const ref = parseRef(refText);
  if (!ref) return { ok: false, error: { code: 'report_empty', params: {} } };
  const ph: Placeholder = { ref, at: null, prev: false, sum: null, form: 'full' };
  const seen: string[] = [];
  const err = (e: PlaceholderError): ParsedPlaceholder => ({ ok: false, error: e });

  if (atText !== null) {
    const y = parseYearRef(atText);
    if (!y) return err({ code: 'report_bad_argument', params: { name: '@', value: atText, expected: YEAR_EXPECTED } });
    ph.at = y;
    seen.push('@');
  }

  for (const raw of parts.slice(1)) {
    const seg = raw.trim();
    const m = /^(\S+)\s*(.*)$/.exec(seg);
    const written = m?.[1] ?? '';
    const arg = (m?.[2] ?? '').trim();
    const mod = MODIFIER_ALIASES[written];
    if (!mod) return err({ code: 'report_unknown_modifier', params: { name: written } });
    const clash = (others: string[]): string | undefined => seen.find((s) => others.includes(s));
    const noArg = (): ParsedPlaceholder | null =>
      arg === '' ? null : err({ code: 'report_bad_argument', params: { name: written, value: arg, expected: '此修饰符不带参数' } });

    if (mod === 'value' || mod === 'yoy') {
      const bad = noArg();
      if (bad) return bad;
      const other = clash(mod === 'yoy' ? ['value', 'yoy', 'sum'] : ['value', 'yoy']);
      if (other) return err({ code: 'report_conflict', params: { name: written, other } });
      ph.form = mod;
    } else if (mod === 'prev') {
      const bad = noArg();
      if (bad) return bad;
      const other = clash(['prev', 'sum']);
      if (other) return err({ code: 'report_conflict', params: { name: written, other } });
      ph.prev = true;
    } else if (mod === 'year') {
      const other = clash(['@', 'year']);
      if (other) return err({ code: 'report_conflict', params: { name: written, other } });
      const y = parseYearRef(arg);
      if (!y) return err({ code: 'report_bad_argument', params: { name: written, value: arg, expected: YEAR_EXPECTED } });
      ph.at = y;
    } else {
      const other = clash(['sum', 'prev', 'yoy']);
      if (other) return err({ code: 'report_conflict', params: { name: written, other } });
      const r = parseRange(arg);
      if (!r) return err({ code: 'report_bad_argument', params: { name: written, value: arg, expected: RANGE_EXPECTED } });
      ph.sum = r;
    }
    seen.push(mod);
  }

  // Which modifiers make sense for each kind of reference.
  const allowed: Record<PlaceholderRef['kind'], string[]> = {
    metric: ['@', 'value', 'yoy', 'prev', 'year', 'sum'],
    streak: ref.kind === 'streak' && ref.field === 'years' ? ['@', 'value', 'prev', 'year'] : ['@', 'prev', 'year'],
    year: ['@', 'prev', 'year'],
    district: [],
  };
  const notAllowed = seen.find((s) => !allowed[ref.kind].includes(s));
  if (notAllowed) return err({ code: 'report_not_applicable', params: { name: notAllowed, ref: refName(ref) } });
  return { ok: true, placeholder: ph };
}
