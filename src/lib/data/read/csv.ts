/**
 * CSV text to rows with physical line numbers, streaming, in one linear pass (contract §1 "Encodings and shapes").
 * A resumable state machine: a row cut by a chunk boundary is continued, never parsed again, so a stray quote
 * costs one pass whatever the file size; no row may exceed MAX_ROW_CHARS, so memory is bounded too.
 */
import { createReadStream } from 'node:fs';
import type { Severity } from '../issues.ts';
import type { Encoding } from './decode.ts';
import { trimCell } from './values.ts';

export type CsvProblem = 'quote_invalid' | 'quote_unterminated' | 'quote_too_long' | 'row_too_long' | 'control_char' | 'invisible_removed';

export interface CsvSink {
  /** The first non-blank row (contract: "the header is the first non-blank line"). */
  header(fields: string[], line: number): void;
  /** A non-blank data row and the physical 1-based line it starts on. */
  row(fields: string[], line: number): void;
  /**
   * A problem found while splitting: an error drops its row (dropped() follows once the row ends), a warning
   * does not. Whole-row problems are at the row's line and column 1; field problems at the field's line and position.
   */
  problem(severity: Severity, code: CsvProblem, line: number, column: number, params?: Readonly<Record<string, string | number>>): void;
  /** The row (or the header, when `header`) starting at `line` had an error and is not delivered. */
  dropped(line: number, header: boolean): void;
}

/** A row (record) longer than this many characters is refused: at least 1 MB in any encoding we read. */
export const MAX_ROW_CHARS = 1 << 20;

/** Line breaks inside a field's text (CRLF, LF or CR each count once). */
export function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** The physical line a field starts on, given the line its row starts on (quoted line breaks in earlier fields shift it). */
export function fieldLine(fields: readonly string[], rowLine: number, index: number): number {
  let line = rowLine;
  for (let i = 0; i < index && i < fields.length; i++) {
    const f = fields[i]!;
    if (f.indexOf('\n') !== -1 || f.indexOf('\r') !== -1) line += countBreaks(f);
  }
  return line;
}

/** A blank line: empty, only spaces, or only commas and spaces (what Excel writes for a cleared row). */
export function isBlankRow(fields: readonly string[]): boolean {
  const first = fields[0]!;
  if (first !== '' && trimCell(first) !== '') return false;
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i]!;
    if (f !== '' && trimCell(f) !== '') return false;
  }
  return true;
}

/**
 * The one rule for invisible characters (docs/data-contract.md): zero-width characters, the BOM (U+FEFF) and the
 * soft hyphen are removed from any field, with a warning; control characters (C0 but tab and line breaks, DEL,
 * C1), bidirectional controls and line/paragraph separators are an error. Either way nothing invisible is published.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFFF9-\uFFFB]/g;
const SUSPICIOUS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

const CHAR_NAMES: Record<number, string> = {
  0x00ad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽非连接符',
  0x200d: '零宽连接符',
  0x2060: '零宽不换行符',
  0xfeff: '字节顺序标记 BOM',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
};

/** Distinct characters matched by `re` in `s`, as `U+200B（零宽空格）、U+0007`. */
export function describeChars(s: string, re: RegExp): string {
  const seen = new Set<number>();
  re.lastIndex = 0;
  for (const m of s.matchAll(re)) seen.add(m[0].charCodeAt(0));
  return [...seen]
    .map((c) => {
      const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      const name = CHAR_NAMES[c];
      return name ? `${hex}（${name}）` : hex;
    })
    .join('、');
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum Mode {
  /** At the start of a field. */
  Start,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: an escaped quote or the closing one. */
  QuoteSeen,
  /** After a closing quote: spaces, then a comma or a line break. */
  AfterClose,
  /** Text after a closing quote: the field runs on to the next comma or line break (contract 1.1). */
  BadQuote,
  /** A row over the limit: discarded up to the next line break. */
  Skip,
}

/** Incremental CSV reader: push decoded text in any chunking, then end(); rows reach the sink in order. */
export class CsvReader {
  private mode = Mode.Start;
  private text = '';
  private i = 0;
  /** Absolute offset of text[0] in the whole input: row lengths are measured across chunks. */
  private base = 0;
  private line = 1;
  /** A CR ended the last row: an LF right after it belongs to the same line break. */
  private skipLF = false;
  /** Inside quoted content, the previous character was a CR (CRLF counts once). */
  private prevCR = false;
  private inRow = false;
  private rowLine = 1;
  private rowStart = 0;
  private rowBad = false;
  private rowSuspicious = false;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier chunks (raw, quotes included, for a quoted field). */
  private carry = '';
  private segStart = 0;
  private fieldLine = 1;
  private seenHeader = false;
  // Next positions of a quote, LF, CR and a suspicious character in `text` (text.length when none).
  private nq = -1;
  private nlf = -1;
  private ncr = -1;
  private ns = -1;

  constructor(private readonly sink: CsvSink) {}

  /** Feed the next piece of decoded text. */
  push(chunk: string): void {
    this.scan(chunk, false);
  }

  /** Signal the end of input: the last row is delivered. */
  end(): void {
    this.scan('', true);
  }

  private find(ch: string, from: number): number {
    const k = this.text.indexOf(ch, from);
    return k === -1 ? this.text.length : k;
  }

  private findSuspicious(from: number): number {
    SUSPICIOUS.lastIndex = from;
    const m = SUSPICIOUS.exec(this.text);
    return m === null ? this.text.length : m.index;
  }

  private setText(text: string, base: number): void {
    this.text = text;
    this.base = base;
    this.i = 0;
    this.segStart = 0;
    this.nq = this.nlf = this.ncr = this.ns = -1;
  }

  private beginRow(at: number): void {
    this.inRow = true;
    this.rowLine = this.line;
    this.rowStart = this.base + at;
    this.rowBad = false;
    this.rowSuspicious = false;
    this.fields = [];
  }

  /** Note a suspicious character before `end` (exclusive) in the current row's text (invariant: ns >= the row's start). */
  private checkSuspicious(end: number): void {
    if (this.ns < end) {
      this.rowSuspicious = true;
      this.ns = this.findSuspicious(end);
    }
  }

  private scan(chunk: string, final: boolean): void {
    this.setText(chunk, this.base + this.text.length);
    for (;;) {
      this.run();
      if (!final) break;
      // End of input: close whatever is open.
      if (!this.inRow) break;
      switch (this.mode) {
        case Mode.Quoted:
        case Mode.QuoteSeen:
          if (this.mode === Mode.QuoteSeen) {
            this.closeQuoted(this.text.length);
            this.fields.push(this.unquote());
            this.finishRow();
            continue;
          }
          // Unterminated: the row is the error; reading resumes on the line after the quote's.
          this.sink.problem('error', 'quote_unterminated', this.rowLine, 1);
          this.rowBad = true;
          if (this.resync()) continue;
          this.finishRow();
          continue;
        case Mode.Unquoted:
          this.fields.push(this.carry + this.text.slice(this.segStart));
          this.carry = '';
          this.finishRow();
          continue;
        case Mode.Start:
        case Mode.AfterClose:
        case Mode.BadQuote:
          if (this.mode !== Mode.AfterClose) this.fields.push('');
          this.finishRow();
          continue;
        case Mode.Skip:
          this.finishRow();
          continue;
      }
    }
  }

  /** Raw text of the quoted field so far, up to `end` in the current text. */
  private closeQuoted(end: number): void {
    this.carry += this.text.slice(this.segStart, end);
    this.segStart = end;
  }

  /** The quoted field's value: outer quotes dropped, doubled quotes single. */
  private unquote(): string {
    const raw = this.carry;
    this.carry = '';
    const inner = raw.slice(1, raw.length - 1);
    return inner.indexOf('""') === -1 ? inner : inner.replaceAll('""', '"');
  }

  /**
   * After an unterminated or overlong quoted field: replay the text from the line after the one where the field
   * opened. False when that field has no line break (a single overlong line): the rest of the line is skipped.
   */
  private resync(): boolean {
    const raw = this.carry + this.text.slice(this.segStart, this.i);
    this.carry = '';
    let k = 0;
    while (k < raw.length && raw.charCodeAt(k) !== LF && raw.charCodeAt(k) !== CR) k++;
    if (k === raw.length) {
      this.mode = Mode.Skip;
      return false;
    }
    const joined = raw + this.text.slice(this.i);
    const replayFrom = joined.charCodeAt(k) === CR && joined.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
    const replay = joined.slice(replayFrom);
    const base = this.base + this.i - raw.length + replayFrom;
    this.sink.dropped(this.rowLine, !this.seenHeader);
    if (!this.seenHeader) this.seenHeader = true;
    this.inRow = false;
    this.mode = Mode.Start;
    this.line = this.fieldLine + 1;
    this.skipLF = joined.charCodeAt(k) === CR && replayFrom === joined.length;
    this.prevCR = false;
    this.setText(replay, base);
    return true;
  }

  private overLimit(at: number): boolean {
    return this.base + at - this.rowStart > MAX_ROW_CHARS;
  }

  /** The row got too long outside quotes: refuse it and discard up to the next line break. */
  private tooLong(): void {
    this.sink.problem('error', 'row_too_long', this.rowLine, 1, { limit: '1 MB' });
    this.rowBad = true;
    this.carry = '';
    this.fields = [];
    this.mode = Mode.Skip;
  }

  /** A quoted field got too long: most likely an unclosed quote. Report it and resync. */
  private quotedTooLong(): void {
    this.sink.problem('error', 'quote_too_long', this.fieldLine, this.fields.length + 1, { limit: '1 MB' });
    this.rowBad = true;
    if (!this.resync()) this.fields = [];
  }

  /** A row ended by a line break at `at` (the break's position). */
  private lineEnd(at: number): void {
    const t = this.text;
    this.checkSuspicious(at);
    this.line++;
    if (t.charCodeAt(at) === CR) {
      if (at + 1 < t.length) {
        this.i = t.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      } else {
        this.i = at + 1;
        this.skipLF = true;
      }
    } else {
      this.i = at + 1;
    }
    this.finishRow();
  }

  private finishRow(): void {
    const fields = this.fields;
    const line = this.rowLine;
    this.inRow = false;
    this.mode = Mode.Start;
    this.fields = [];
    if (!this.rowBad && this.rowSuspicious) this.clean(fields, line);
    if (this.rowBad) {
      this.sink.dropped(line, !this.seenHeader);
      this.seenHeader = true;
      return;
    }
    if (isBlankRow(fields)) return;
    if (!this.seenHeader) {
      this.seenHeader = true;
      this.sink.header(fields, line);
    } else {
      this.sink.row(fields, line);
    }
  }

  /** Apply the invisible-character rule to a row's fields, in place. */
  private clean(fields: string[], rowLine: number): void {
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      SUSPICIOUS.lastIndex = 0;
      if (!SUSPICIOUS.test(f)) continue;
      const at = fieldLine(fields, rowLine, k);
      CONTROL.lastIndex = 0;
      if (CONTROL.test(f)) {
        this.sink.problem('error', 'control_char', at, k + 1, { chars: describeChars(f, CONTROL) });
        this.rowBad = true;
        continue;
      }
      this.sink.problem('warning', 'invisible_removed', at, k + 1, { chars: describeChars(f, INVISIBLE) });
      fields[k] = f.replace(INVISIBLE, '');
    }
  }

  private run(): void {
    if (this.ns < this.i) this.ns = this.findSuspicious(this.i);
    // A resync replaces the text: re-read it on every step.
    while (this.i < this.text.length) {
      const t = this.text;
      const n = t.length;
      if (this.skipLF) {
        this.skipLF = false;
        if (t.charCodeAt(this.i) === LF) {
          this.i++;
          continue;
        }
      }
      const i = this.i;
      switch (this.mode) {
        case Mode.Start: {
          if (!this.inRow) {
            // Fast path: a whole line in this chunk with no quote is split natively.
            if (this.nlf < i) this.nlf = this.find('\n', i);
            if (this.ncr < i) this.ncr = this.find('\r', i);
            const end = this.nlf < this.ncr ? this.nlf : this.ncr;
            if (end < n && end - i <= MAX_ROW_CHARS) {
              if (this.nq < i) this.nq = this.find('"', i);
              if (this.nq > end) {
                this.beginRow(i);
                this.fields = end === i ? [''] : t.slice(i, end).split(',');
                this.lineEnd(end);
                continue;
              }
            }
            this.beginRow(i);
          }
          if (t.charCodeAt(i) === QUOTE) {
            this.mode = Mode.Quoted;
            this.fieldLine = this.line;
            this.carry = '';
            this.segStart = i;
            this.prevCR = false;
            this.i = i + 1;
          } else {
            this.mode = Mode.Unquoted;
            this.carry = '';
            this.segStart = i;
          }
          continue;
        }
        case Mode.Unquoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = t.charCodeAt(j);
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            this.carry += t.slice(this.segStart, n);
            this.segStart = n;
            this.i = n;
            if (this.overLimit(n)) this.tooLong();
            continue;
          }
          this.fields.push(this.carry === '' ? t.slice(this.segStart, j) : this.carry + t.slice(this.segStart, j));
          this.carry = '';
          if (this.overLimit(j)) {
            this.i = j;
            this.tooLong();
            continue;
          }
          this.endField(j, c);
          continue;
        }
        case Mode.Quoted: {
          if (this.nq < i) this.nq = this.find('"', i);
          const q = this.nq;
          this.countBreaks(i, q);
          if (q === n) {
            this.i = n;
            if (this.overLimit(n)) this.quotedTooLong();
            else this.closeQuoted(n);
            continue;
          }
          this.prevCR = false;
          this.i = q + 1;
          this.mode = Mode.QuoteSeen;
          if (this.overLimit(q)) {
            this.mode = Mode.Quoted;
            this.quotedTooLong();
          }
          continue;
        }
        case Mode.QuoteSeen: {
          const c = t.charCodeAt(i);
          if (c === QUOTE) {
            this.i = i + 1;
            this.mode = Mode.Quoted;
            continue;
          }
          this.closeQuoted(i);
          this.fields.push(this.unquote());
          this.mode = Mode.AfterClose;
          continue;
        }
        case Mode.AfterClose: {
          const c = t.charCodeAt(i);
          if (c === 32 || c === 9) {
            this.i = i + 1;
            continue;
          }
          if (c === COMMA || c === LF || c === CR) {
            this.endField(i, c);
            continue;
          }
          // Text after a closing quote: this field is the error; it runs on to the next comma or line break.
          this.sink.problem('error', 'quote_invalid', this.fieldLine, this.fields.length);
          this.rowBad = true;
          this.mode = Mode.BadQuote;
          continue;
        }
        case Mode.BadQuote:
        case Mode.Skip: {
          let j = i;
          let c = 0;
          const skip = this.mode === Mode.Skip;
          while (j < n) {
            c = t.charCodeAt(j);
            if (c === LF || c === CR || (c === COMMA && !skip)) break;
            j++;
          }
          this.i = j;
          if (j === n) continue;
          if (skip) this.lineEnd(j);
          else this.endField(j, c);
          continue;
        }
      }
    }
    // The chunk ends inside a row: a suspicious character in this part belongs to it.
    if (this.inRow) {
      const n = this.text.length;
      this.checkSuspicious(n);
      if (this.mode === Mode.Unquoted || this.mode === Mode.Quoted || this.mode === Mode.QuoteSeen) {
        this.carry += this.text.slice(this.segStart, n);
        this.segStart = n;
      }
    }
  }

  /** A field ended at `at` by `c`: a comma starts the next field, a line break ends the row. */
  private endField(at: number, c: number): void {
    if (c === COMMA) {
      this.i = at + 1;
      this.mode = Mode.Start;
      if (this.overLimit(at)) this.tooLong();
      return;
    }
    this.lineEnd(at);
  }

  /** Count line breaks in text[from, to) of a quoted field, carrying a CR across pieces. */
  private countBreaks(from: number, to: number): void {
    const t = this.text;
    let prevCR = this.prevCR;
    let line = this.line;
    for (let k = from; k < to; k++) {
      const c = t.charCodeAt(k);
      if (c === LF) {
        if (!prevCR) line++;
        prevCR = false;
      } else if (c === CR) {
        line++;
        prevCR = true;
      } else {
        prevCR = false;
      }
    }
    this.line = line;
    this.prevCR = prevCR;
  }
}

/** Parse a whole string (tests, small inputs) through the same reader as files. */
export function readCsvText(text: string, sink: CsvSink, chunkSize = 1 << 16): void {
  const reader = new CsvReader(sink);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += chunkSize) reader.push(body.slice(i, i + chunkSize));
  reader.end();
}

/** How a file read ended: read whole, stopped at bytes invalid in the encoding (or a NUL), or failed with an errno code. */
export type ReadOutcome = 'ok' | 'not_this_encoding' | { failed: string | undefined };

/**
 * Stream a file through a strict decoder and the reader; memory stays flat whatever the file size.
 * Stops at the first byte sequence invalid in `encoding`, or at a NUL byte (the caller then judges the bytes).
 */
export async function readCsvFile(path: string, encoding: Encoding, sink: CsvSink): Promise<ReadOutcome> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const reader = new CsvReader(sink);
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  // Only the decoder's own failures mean "not this encoding".
  const decode = (chunk?: Buffer): string | null => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      return null;
    }
  };
  let text: string | null;
  try {
    for await (const chunk of stream) {
      // A NUL byte is never text: stop, and let the byte scan name its line.
      if ((chunk as Buffer).indexOf(0) !== -1) {
        stream.destroy();
        return 'not_this_encoding';
      }
      text = decode(chunk as Buffer);
      if (text === null) {
        stream.destroy();
        return 'not_this_encoding';
      }
      reader.push(text);
    }
  } catch (e) {
    stream.destroy();
    if (e !== null && typeof e === 'object' && 'syscall' in e) return { failed: 'code' in e && typeof e.code === 'string' ? e.code : undefined };
    throw e;
  }
  text = decode();
  if (text === null) return 'not_this_encoding';
  if (text) reader.push(text);
  reader.end();
  return 'ok';
}
