/** Header matching and per-row reading of a dataset, driven only by its schema declaration. */
import type { ColumnSchema, DatasetSchema } from './schema/index.ts';
import type { Issue } from './issues.ts';
import { plainMessage, valueMessage, type PlainCode } from './messages.ts';
import { fieldLine } from './read/csv.ts';
import { ValueError, readDate, readDecimal, readInteger, readText, readYear, type BuildDay } from './read/values.ts';
import type { Decimal } from './decimal.ts';

/** Collects issues for one file, in the contract's `file:line:column` terms. */
export class IssueLog {
  readonly issues: Issue[] = [];
  constructor(readonly file: string) {}

  plain(severity: Issue['severity'], code: PlainCode, line: number, column: number, params: Record<string, string | number> = {}): void {
    this.issues.push({ severity, code, file: this.file, line, column, message: plainMessage(code, params) });
  }

  value(code: string, line: number, column: number, header: string, key: string, params: Record<string, string | number>): void {
    this.issues.push({ severity: 'error', code, file: this.file, line, column, message: valueMessage(code, header, key, params) });
  }
}

/** Header text normalised for matching: trimmed, full-width parentheses and spaces folded, ASCII lower-cased. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .toLowerCase();
}

export interface Binding {
  readonly column: ColumnSchema;
  /** 0-based field index in the row. */
  readonly index: number;
  /** The header as the admin wrote it (used in messages). */
  readonly header: string;
}

export interface HeaderPlan {
  /** Bound columns in schema order; absent optional columns are missing. */
  readonly bindings: readonly Binding[];
  readonly width: number;
  /** False when a required column is missing or a column is doubled: the file's rows are not read. */
  readonly usable: boolean;
}

/** Match header cells to schema columns (English key or any alias); unknown and empty cells are warnings. */
export function matchHeader(schema: DatasetSchema, fields: readonly string[], line: number, log: IssueLog): HeaderPlan {
  const lookup = new Map<string, ColumnSchema>();
  for (const c of schema.columns) {
    lookup.set(normalizeHeader(c.key), c);
    lookup.set(normalizeHeader(c.label), c);
    for (const a of c.aliases) lookup.set(normalizeHeader(a), c);
  }
  const found = new Map<string, Binding>();
  let usable = true;
  fields.forEach((raw, i) => {
    const header = raw.replace(/^\uFEFF/, '').trim();
    const norm = normalizeHeader(raw);
    if (norm === '') {
      log.plain('warning', 'empty_header', line, i + 1, { col: i + 1 });
      return;
    }
    const col = lookup.get(norm);
    if (!col) {
      log.plain('warning', 'unknown_column', line, i + 1, { header });
      return;
    }
    const prev = found.get(col.key);
    if (prev) {
      log.plain('error', 'duplicate_column', line, i + 1, { header, key: col.key, first: prev.index + 1 });
      usable = false;
      return;
    }
    found.set(col.key, { column: col, index: i, header });
  });
  for (const c of schema.columns) {
    if (c.required && !found.has(c.key)) {
      log.plain('error', 'missing_column', line, 1, { label: c.label, key: c.key, aliases: [c.key, ...c.aliases].join('、') });
      usable = false;
    }
  }
  const bindings = schema.columns.flatMap((c) => {
    const b = found.get(c.key);
    return b ? [b] : [];
  });
  return { bindings, width: fields.length, usable };
}

export type CellValue = number | string | Decimal | null;
/**
 * A validated row: values in the schema's column order (numbers, text, Decimal, packed dates; null for an
 * absent or empty optional cell). An array, not an object: the hot path then has no keyed stores.
 */
export interface Row extends Array<CellValue> {
  /** Set when a percent-capable decimal was written with a trailing %. */
  percent?: boolean;
}

/** Position of each column key in a dataset's rows. */
export function columnIndex<S extends DatasetSchema>(schema: S): Record<S['columns'][number]['key'], number> {
  const out: Record<string, number> = {};
  schema.columns.forEach((c, i) => (out[c.key] = i));
  return out as Record<S['columns'][number]['key'], number>;
}

const PII_ID = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;
const PII_PHONE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/;
const PII_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when an 18-character string has the resident ID check character (GB 11643). */
export function isResidentId(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

/** Which personal-data rule a public text breaks, if any: resident ID, mobile number or email address. */
export function findPersonalData(text: string): 'pii_id' | 'pii_phone' | 'pii_email' | null {
  // The shortest match is an email such as a@b.cn (6) or a phone number (11): short names skip the regexes.
  if (text.length < 6 || !/[0-9@]/.test(text)) return null;
  for (const m of text.matchAll(PII_ID)) if (isResidentId(m[0])) return 'pii_id';
  if (PII_PHONE.test(text)) return 'pii_phone';
  if (PII_EMAIL.test(text)) return 'pii_email';
  return null;
}

/** Text a value error shows as "实际为“…”": the cell as written, trimmed only of line breaks. */
function shown(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}

/** Bound on memo entries per column: repeated values (dates, 街道 names) are read once, memory stays flat. */
const MEMO_LIMIT = 8192;

/** Wrap a pure reader with a bounded memo keyed by the raw cell text. */
function memo<T>(read: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      v = read(raw);
      if (cache.size < MEMO_LIMIT) cache.set(raw, v);
    }
    return v as T;
  };
}

export interface RowReader {
  /** Read one row; returns null (and logs errors) when any cell is invalid. */
  read(fields: string[], line: number): Row | null;
}

/** Build the per-row reader for a matched header: one closure per bound column, no per-row lookups. */
export function compileRowReader(schema: DatasetSchema, plan: HeaderPlan, today: BuildDay, log: IssueLog): RowReader {
  const width = plan.width;
  const nCols = schema.columns.length;
  const defaults: CellValue[] = schema.columns.map((c) => (c.type === 'integer' && c.default !== undefined ? c.default : null));
  type Step = (fields: string[], line: number, row: Row) => boolean;
  const steps: Step[] = plan.bindings.map((b) => {
    const { column: c, index: i, header } = b;
    const key = c.key;
    const slot = schema.columns.indexOf(c);
    const col = i + 1;
    const fail = (fields: string[], line: number, e: ValueError, raw: string): false => {
      log.value(e.code, fieldLine(fields, line, i), col, header, key, { value: shown(raw), ...e.params });
      return false;
    };
    const isEmpty = (raw: string) => raw === '' || readText(raw) === null;
    switch (c.type) {
      case 'year': {
        const readY = memo((raw: string) => readYear(raw, today));
        return (f, line, row) => {
          const raw = f[i] ?? '';
          if (!c.required && isEmpty(raw)) return ((row[slot] = null), true);
          const v = readY(raw);
          if (v instanceof ValueError) return fail(f, line, v, raw);
          row[slot] = v;
          return true;
        };
      }
      case 'date': {
        return (f, line, row) => {
          const raw = f[i] ?? '';
          if (!c.required && isEmpty(raw)) return ((row[slot] = null), true);
          const v = readDate(raw, today);
          if (v instanceof ValueError) return fail(f, line, v, raw);
          row[slot] = v;
          return true;
        };
      }
      case 'integer': {
        const min = c.min ?? 0;
        return (f, line, row) => {
          const raw = f[i] ?? '';
          if (!c.required && isEmpty(raw)) return ((row[slot] = c.default ?? null), true);
          const v = readInteger(raw);
          if (v instanceof ValueError) return fail(f, line, v, raw);
          if (v < min) return fail(f, line, new ValueError('below_min', { min }), raw);
          row[slot] = v;
          return true;
        };
      }
      case 'decimal':
        return (f, line, row) => {
          const raw = f[i] ?? '';
          if (!c.required && isEmpty(raw)) return ((row[slot] = null), true);
          const v = readDecimal(raw, c.percent === true);
          if (v instanceof ValueError) return fail(f, line, v, raw);
          row[slot] = v.value;
          if (v.percent) row.percent = true;
          return true;
        };
      case 'text': {
        const allowed = c.oneOf;
        const guard = c.internal !== true;
        const check = (raw: string): string | null | ValueError => {
          const v = readText(raw);
          if (v === null) return c.required ? new ValueError('required') : null;
          if (allowed && !allowed.includes(v)) return new ValueError('one_of', { allowed: allowed.join('、') });
          if (guard) {
            const pii = findPersonalData(v);
            if (pii) return new ValueError(pii);
          }
          return v;
        };
        // Only a closed list is worth a memo; free text is often unique per row, where a memo only costs.
        const readT = allowed ? memo(check) : check;
        return (f, line, row) => {
          const raw = f[i] ?? '';
          const v = readT(raw);
          if (v instanceof ValueError) return fail(f, line, v, raw);
          row[slot] = v;
          return true;
        };
      }
    }
  });
  const row: Row = defaults.slice();
  return {
    read(fields, line) {
      if (fields.length !== width) {
        if (fields.length < width) {
          log.plain('error', 'too_few_fields', line, 1, { n: fields.length, m: width });
          return null;
        }
        for (let k = width; k < fields.length; k++) {
          if (readText(fields[k]!) !== null) {
            log.plain('error', 'too_many_fields', line, 1, { n: fields.length, m: width });
            return null;
          }
        }
      }
      // One row array reused for every row: handlers copy values out, never keep the array.
      for (let k = 0; k < nCols; k++) row[k] = defaults[k]!;
      row.percent = false;
      let ok = true;
      for (let k = 0; k < steps.length; k++) if (!steps[k]!(fields, line, row)) ok = false;
      return ok ? row : null;
    },
  };
}
