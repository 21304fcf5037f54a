/**
 * CSV text to rows with physical line numbers, streaming, on PapaParse's own parser.
 * PapaParse numbers records, not lines; this module maps records to the line each starts on.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import type { Encoding } from './decode.ts';
import { trimCell } from './values.ts';

export type CsvProblem = 'quote_invalid' | 'quote_unterminated';

export interface CsvSink {
  /** The first non-blank row (contract: "the header is the first non-blank line"). */
  header(fields: string[], line: number): void;
  /** A non-blank data row and the physical 1-based line it starts on. */
  row(fields: string[], line: number): void;
  /**
   * A row PapaParse could not split, which is not passed on: an unterminated quote at the row's line and
   * column 1; text after a closing quote at the line and field position of the offending field.
   */
  problem(code: CsvProblem, line: number, column: number): void;
}

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

interface PapaResult {
  data: string[][];
  errors: { code: string; row: number; index: number }[];
  meta: { cursor: number };
}

function detectNewline(s: string): '\r\n' | '\n' | '\r' | null {
  const lf = s.indexOf('\n');
  const cr = s.indexOf('\r');
  if (lf === -1 && cr === -1) return null;
  if (cr === -1 || (lf !== -1 && lf < cr)) return '\n';
  return s.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

/**
 * The 1-based field position of the quoted field whose opening quote is at `quoteAt`, counting the
 * commas outside quotes since the start of its physical line (earlier multi-line fields of the same
 * row are not followed back).
 */
export function quotedFieldPosition(text: string, quoteAt: number): number {
  let start = quoteAt;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let field = 1;
  let quoted = false;
  for (let i = start; i < quoteAt; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 44 && !quoted) field++;
  }
  return field;
}

/** Incremental CSV reader: push decoded text in any chunking, then end(); rows reach the sink in order. */
export class CsvReader {
  private partial = '';
  private base = 0;
  private line = 1;
  private parser: Papa.Parser | null = null;
  private newline: '\r\n' | '\n' | '\r' = '\n';
  private seenHeader = false;

  constructor(private readonly sink: CsvSink) {}

  /** Feed the next piece of decoded text. */
  push(chunk: string): void {
    this.run(this.partial + chunk, false);
  }

  /** Signal the end of input: the held last row is parsed and delivered. */
  end(): void {
    this.run(this.partial, true);
    this.partial = '';
  }

  private run(text: string, final: boolean): void {
    if (this.parser === null) {
      const nl = detectNewline(text);
      if (nl === null && !final) {
        this.partial = text;
        return;
      }
      this.newline = nl ?? '\n';
      this.parser = new Papa.Parser({ delimiter: ',', newline: this.newline, quoteChar: '"' });
    }
    const res = this.parser.parse(text, this.base, !final) as PapaResult;
    const rows = res.data;
    let bad: Map<number, { code: CsvProblem; at: number }> | null = null;
    for (const e of res.errors) {
      // A held-back row is parsed again with the next chunk: count its errors only once it is delivered.
      if (!final && e.row >= rows.length) continue;
      bad ??= new Map();
      const code: CsvProblem = e.code === 'MissingQuotes' ? 'quote_unterminated' : 'quote_invalid';
      // Text after a closing quote is the cause; the unterminated quote PapaParse then reports is its effect.
      if (!bad.has(e.row)) bad.set(e.row, { code, at: e.index });
    }
    const mayHaveBreaks = text.indexOf('"') !== -1;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r]!;
      const line = this.line;
      if (mayHaveBreaks) {
        let breaks = 0;
        for (let k = 0; k < fields.length; k++) {
          const f = fields[k]!;
          if (f.indexOf('\n') !== -1 || f.indexOf('\r') !== -1) breaks += countBreaks(f);
        }
        // A CRLF row end in a file whose rows end in LF leaves its CR in the last field: not a line of its own.
        const last = fields[fields.length - 1]!;
        if (this.newline === '\n' && last.charCodeAt(last.length - 1) === 13) breaks--;
        this.line += 1 + breaks;
      } else {
        this.line += 1;
      }
      if (bad !== null) {
        const problem = bad.get(r);
        if (problem !== undefined) {
          const column = problem.code === 'quote_invalid' ? quotedFieldPosition(text, problem.at - 1) : 1;
          this.sink.problem(problem.code, line, column);
          continue;
        }
      }
      if (isBlankRow(fields)) continue;
      if (!this.seenHeader) {
        this.seenHeader = true;
        this.sink.header(fields, line);
      } else {
        this.sink.row(fields, line);
      }
    }
    if (!final) {
      this.partial = text.substring(res.meta.cursor - this.base);
      this.base = res.meta.cursor;
    }
  }
}

/** Parse a whole string (tests, small inputs) through the same reader as files. */
export function readCsvText(text: string, sink: CsvSink, chunkSize = 1 << 16): void {
  const reader = new CsvReader(sink);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += chunkSize) reader.push(body.slice(i, i + chunkSize));
  reader.end();
}

/**
 * Stream a file through a strict decoder and the reader; memory stays flat whatever the file size.
 * Returns false, having stopped, at the first byte sequence invalid in `encoding` (the caller may retry in another).
 */
export async function readCsvFile(path: string, encoding: Encoding, sink: CsvSink): Promise<boolean> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const reader = new CsvReader(sink);
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  // Only the decoder's own failures mean "not this encoding"; anything else is a bug and propagates.
  const decode = (chunk?: Buffer): string | null => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      return null;
    }
  };
  let text: string | null;
  for await (const chunk of stream) {
    // A NUL byte is never text: stop, and let the byte scan name its line.
    if ((chunk as Buffer).indexOf(0) !== -1) {
      stream.destroy();
      return false;
    }
    text = decode(chunk as Buffer);
    if (text === null) {
      stream.destroy();
      return false;
    }
    reader.push(text);
  }
  text = decode();
  if (text === null) return false;
  if (text) reader.push(text);
  reader.end();
  return true;
}
