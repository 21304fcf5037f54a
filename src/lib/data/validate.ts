/** Header matching and per-row reading of a dataset, driven only by its schema declaration. */
import type { ColumnSchema, DatasetSchema } from './schema/index.ts';
import { OMITTED_LINE, sortIssues, type Issue } from './issues.ts';
import { plainMessage, valueMessage, type PlainCode, type ValueCode } from './messages.ts';
import { fieldLine } from './read/csv.ts';
import { ValueError, readDate, readDecimal, readInteger, readText, readYear, trimCell, type BuildDay } from './read/values.ts';
import type { Decimal } from '../shared/decimal.ts';
import { findPersonalData } from './personal-data.ts';

/** At most this many problems per file are kept and printed (errors first); the rest are only counted. */
export const ISSUE_LIMIT = 100;

/** Problems of one severity: the ISSUE_LIMIT earliest by position, and a count of all. */
class Kept {
  readonly list: Issue[] = [];
  count = 0;
  /** Index in `list` of the latest position kept (the one to evict first). */
  private last = -1;

  /** Count one problem at (line, column); true when it is kept (then push it). */
  admit(line: number, column: number): boolean {
    this.count++;
    if (this.list.length < ISSUE_LIMIT) return true;
    const worst = this.list[this.last]!;
    if (line > worst.line || (line === worst.line && column >= worst.column)) return false;
    this.list.splice(this.last, 1);
    this.last = -1;
    return true;
  }

  /** Whether a problem at (line, column) would be kept, without counting it. */
  keeps(line: number, column: number): boolean {
    if (this.list.length < ISSUE_LIMIT) return true;
    const worst = this.list[this.last]!;
    return line < worst.line || (line === worst.line && column < worst.column);
  }

  push(issue: Issue): void {
    this.list.push(issue);
    if (this.last === -1 || this.list.length === 1) this.last = this.latest();
    else {
      const w = this.list[this.last]!;
      if (issue.line > w.line || (issue.line === w.line && issue.column >= w.column)) this.last = this.list.length - 1;
    }
  }

  private latest(): number {
    let k = 0;
    for (let j = 1; j < this.list.length; j++) {
      const a = this.list[j]!;
      const b = this.list[k]!;
      if (a.line > b.line || (a.line === b.line && a.column >= b.column)) k = j;
    }
    return k;
  }
}

/**
 * Collects issues for one file, in the contract's `file:line:column` terms, in bounded memory: the earliest
 * ISSUE_LIMIT errors and warnings are kept (a message is built only for those), the rest are counted, so a
 * million bad rows cost no more than a hundred.
 */
export class IssueLog {
  private readonly errors = new Kept();
  private readonly warnings = new Kept();
  constructor(readonly file: string) {}

  private kept(severity: Issue['severity']): Kept {
    return severity === 'error' ? this.errors : this.warnings;
  }

  plain(severity: Issue['severity'], code: PlainCode, line: number, column: number, params: Record<string, string | number> = {}): void {
    const k = this.kept(severity);
    if (k.admit(line, column)) k.push({ severity, code, file: this.file, line, column, message: plainMessage(code, params) });
  }

  value(code: ValueCode, line: number, column: number, header: string, key: string, params: Record<string, string | number>): void {
    const k = this.errors;
    if (k.admit(line, column)) k.push({ severity: 'error', code, file: this.file, line, column, message: valueMessage(code, header, key, params) });
  }

  /** True (and the problem counted) when a problem at this place would not be listed: the caller then builds nothing. */
  countOnly(severity: Issue['severity'], line: number, column: number): boolean {
    const k = this.kept(severity);
    if (k.keeps(line, column)) return false;
    k.count++;
    return true;
  }

  get errorCount(): number {
    return this.errors.count;
  }

  get warningCount(): number {
    return this.warnings.count;
  }

  /**
   * The issues to print: every kept error, then the earliest warnings up to ISSUE_LIMIT in all, and when any
   * were left out one `omitted` line (sorted after the file's others) saying how many.
   */
  get issues(): Issue[] {
    const errors = this.errors.list;
    const warnings = sortIssues(this.warnings.list.slice()).slice(0, Math.max(0, ISSUE_LIMIT - errors.length));
    const out = [...errors, ...warnings];
    const total = this.errors.count + this.warnings.count;
    if (total > out.length) {
      const errorsLeft = this.errors.count - errors.length;
      const warningsLeft = this.warnings.count - warnings.length;
      out.push({
        severity: errorsLeft > 0 ? 'error' : 'warning',
        code: 'omitted',
        file: this.file,
        line: OMITTED_LINE,
        column: 1,
        message: plainMessage('omitted', {
          n: fmtCount(total - out.length),
          errors: fmtCount(errorsLeft),
          warnings: fmtCount(warningsLeft),
        }),
      });
    }
    return out;
  }
}

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
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

/** A whole cell naming a total row: 合计, 小计, 总计 or 共计, also spaced (合 计) or with a colon. */
const SUBTOTAL = /^(?:合|小|总|共)计[:：]?$/;

/** True when a text cell names a subtotal or total row (spaces anywhere ignored). */
export function isSubtotalKey(text: string): boolean {
  if (text.length > 12 || text.indexOf('计') === -1) return false;
  return SUBTOTAL.test(text.replace(/[\s\u3000\u00a0]+/g, ''));
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

/** Text checks beyond trimming: no total rows, a closed list, and no personal data in public columns. */
function checkText(c: ColumnSchema, raw: string): string | null | ValueError {
  const v = readText(raw);
  if (v === null) return c.required ? new ValueError('required') : null;
  if (isSubtotalKey(v)) return new ValueError('subtotal_key');
  if (c.oneOf && !c.oneOf.includes(v)) return new ValueError('one_of', { allowed: c.oneOf.join('、') });
  if (c.internal !== true) {
    const pii = findPersonalData(v);
    if (pii) return new ValueError(pii.code);
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
    const at = fieldLine(fields, line, b.index);
    // Past the listed hundred, a bad cell is only counted: a million bad rows build no messages.
    if (log.countOnly('error', at, b.index + 1)) return;
    // 合计 in a year, date or number column: say it is a total row, not just "not a number".
    if (kinds[k] !== Kind.Text && isSubtotalKey(trimCell(raw))) e = new ValueError('subtotal_key');
    log.value(e.code, at, b.index + 1, b.header, b.column.key, { value: shown(raw), ...e.params });
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
