/**
 * Reading report-template.md as the CSVs are read: UTF-8 with or without BOM, or GB18030/GBK (Notepad's
 * "ANSI" on Chinese Windows), never published as mojibake.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Issue } from '../data/issues.ts';
import { reportMessage } from './messages.ts';

export type TemplateEncoding = 'utf-8' | 'gb18030';

/**
 * Template bytes as text: strict UTF-8 (a leading BOM dropped), else strict GB18030; null when neither
 * decodes every byte. A NUL byte is not text in either.
 */
export function decodeTemplate(bytes: Uint8Array): { text: string; encoding: TemplateEncoding } | null {
  if (bytes.includes(0)) return null;
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
      return { text: text.replace(/^\uFEFF/, ''), encoding };
    } catch {
      // Not this encoding: try the next one.
    }
  }
  return null;
}

/**
 * The template at `path` shown to the admin as `file`: its text, or null when there is no such file (no
 * reports) or it cannot be decoded (then one error issue at 1:1).
 */
export function readTemplateFile(path: string, file: string): { text: string | null; issues: Issue[] } {
  if (!existsSync(path)) return { text: null, issues: [] };
  const decoded = decodeTemplate(readFileSync(path));
  if (decoded) return { text: decoded.text, issues: [] };
  return {
    text: null,
    issues: [{ severity: 'error', code: 'report_encoding', file, line: 1, column: 1, message: reportMessage('report_encoding') }],
  };
}
