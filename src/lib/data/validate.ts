/** Header matching and per-row reading of a dataset, driven only by its schema declaration. */
import type { ColumnSchema, DatasetSchema } from './schema/index.ts';
import type { Issue } from './issues.ts';
import { plainMessage, valueMessage, type PlainCode, type ValueCode } from './messages.ts';
import { fieldLine } from './read/csv.ts';
import { ValueError, readDate, readDecimal, readInteger, readText, readYear, type BuildDay } from './read/values.ts';
import type { Decimal } from '../shared/decimal.ts';

/** Collects issues for one file, in the contract's `file:line:column` terms. */
export class IssueLog {
  readonly issues: Issue[] = [];
  constructor(readonly file: string) {}

  plain(severity: Issue['severity'], code: PlainCode, line: number, column: number, params: Record<string, string | number> = {}): void {
    this.issues.push({ severity, code, file: this.file, line, column, message: plainMessage(code, params) });
  }

  value(code: ValueCode, line: number, column: number, header: string, key: string, params: Record<string, string | number>): void {
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
  /** False when a cell was invalid (its slot then holds null): such a row is only observed, never counted. */
  valid?: boolean;
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

/** Bound on memo entries per column: repeated values (years, 街道 names) are read once, memory stays flat. */
const MEMO_LIMIT = 8192;

export interface RowReader {
  /** Read one row; null for a wrong field count; otherwise the row, with `valid` false (errors logged) when a cell is invalid. */
  read(fields: string[], line: number): Row | null;
}

const enum Kind {
  Year,
  Date,
  Integer,
  Decimal,
  Text,
}

const KIND: Record<ColumnSchema['type'], Kind> = {
  year: Kind.Year,
  date: Kind.Date,
  integer: Kind.Integer,
  decimal: Kind.Decimal,
  text: Kind.Text,
};

/** Text checks beyond trimming: a closed list, and no personal data in public columns. */
function checkText(c: ColumnSchema, raw: string): string | null | ValueError {
  const v = readText(raw);
  if (v === null) return c.required ? new ValueError('required') : null;
  if (c.oneOf && !c.oneOf.includes(v)) return new ValueError('one_of', { allowed: c.oneOf.join('、') });
  if (c.internal !== true) {
    const pii = findPersonalData(v);
    if (pii) return new ValueError(pii);
  }
  return v;
}

/**
 * Build the per-row reader for a matched header. One flat loop over the bound columns with a switch on
 * the value type: every call site stays monomorphic, which matters at a million rows.
 */
export function compileRowReader(schema: DatasetSchema, plan: HeaderPlan, today: BuildDay, log: IssueLog): RowReader {
  const width = plan.width;
  const nCols = schema.columns.length;
  const defaults: CellValue[] = schema.columns.map((c) => (c.type === 'integer' && c.default !== undefined ? c.default : null));
  const bound = plan.bindings;
  const n = bound.length;
  const cols = bound.map((b) => b.column);
  const kinds = cols.map((c) => KIND[c.type]);
  const index = bound.map((b) => b.index);
  const slots = cols.map((c) => schema.columns.indexOf(c));
  const mins = cols.map((c) => c.min ?? 0);
  // Years and closed lists repeat on every row: memoise them (bounded). Free text and dates are not worth it.
  const memos = cols.map((c) => (c.type === 'year' || (c.type === 'text' && c.oneOf) ? new Map<string, CellValue | ValueError>() : null));
  const row: Row = defaults.slice();

  function fail(fields: string[], line: number, k: number, e: ValueError, raw: string): void {
    const b = bound[k]!;
    log.value(e.code, fieldLine(fields, line, b.index), b.index + 1, b.header, b.column.key, { value: shown(raw), ...e.params });
  }

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
      for (let k = 0; k < n; k++) {
        const raw = fields[index[k]!]!;
        const c = cols[k]!;
        let v: CellValue | ValueError;
        if (!c.required && c.type !== 'text' && (raw === '' || readText(raw) === null)) continue;
        const memo = memos[k]!;
        const hit = memo === null ? undefined : memo.get(raw);
        if (hit !== undefined) {
          v = hit;
        } else {
          switch (kinds[k]!) {
            case Kind.Year:
              v = readYear(raw, today);
              break;
            case Kind.Date:
              v = readDate(raw, today);
              break;
            case Kind.Integer: {
              const x = readInteger(raw);
              v = typeof x === 'number' && x < mins[k]! ? new ValueError('below_min', { min: mins[k]! }) : x;
              break;
            }
            case Kind.Decimal: {
              const x = readDecimal(raw, c.percent === true);
              if (x instanceof ValueError) v = x;
              else {
                v = x.value;
                if (x.percent) row.percent = true;
              }
              break;
            }
            case Kind.Text:
              v = checkText(c, raw);
              break;
          }
          if (memo !== null && memo.size < MEMO_LIMIT) memo.set(raw, v);
        }
        if (v instanceof ValueError) {
          fail(fields, line, k, v, raw);
          ok = false;
        } else {
          row[slots[k]!] = v;
        }
      }
      row.valid = ok;
      return row;
    },
  };
}
