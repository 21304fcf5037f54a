/**
 * Reading report-template.md as the CSVs are read (the data step's decodeTextFile): UTF-8 with or without
 * BOM, or GB18030/GBK (Notepad's "ANSI" on Chinese Windows), never published as mojibake; a mixed, binary
 * or unreadable file is one error at its line.
 */
import type { Issue } from '../data/issues.ts';
import { decodeTextFile } from '../data/read/decode.ts';

/**
 * The template at `path` shown to the admin as `file`: its text, or null when there is no such file (no
 * reports) or it cannot be read or decoded (then the one error issue saying why, at its line).
 */
export function readTemplateFile(path: string, file: string): { text: string | null; issues: Issue[] } {
  const r = decodeTextFile(path, file);
  if ('absent' in r) return { text: null, issues: [] };
  if ('issue' in r) return { text: null, issues: [r.issue] };
  return { text: r.text, issues: [] };
}
