/**
 * CSV text to rows with physical line numbers, streaming, in one linear pass (contract §1 "Encodings and shapes").
 * A resumable state machine: a row cut by a chunk boundary is continued, never parsed again, so a stray quote
 * costs one pass whatever the file size; no row may exceed MAX_ROW_CHARS, so memory is bounded too.
 */
import { createReadStream } from 'node:fs';
import type { Severity } from '../issues.ts';
import type { Encoding } from './decode.ts';
import { CsvReader } from './csv-reader.ts';

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
