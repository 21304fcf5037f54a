/** Empty CSV templates and the generated part of the admin guide, both derived from the schema. */
import { DATASETS } from './schema/index.ts';
import type { DatasetSchema } from './schema/index.ts';

/** Folder, relative to the project root, where `npm run templates` writes the templates. */
export const TEMPLATES_DIR = 'data/templates';

/** Markers around the generated column reference in docs/admin-guide.md. */
export const DICTIONARY_START = '<!-- dictionary:start -->';
export const DICTIONARY_END = '<!-- dictionary:end -->';

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header-only CSV of one dataset: each column's Chinese label, UTF-8 BOM, CRLF, so Excel and WPS open it correctly. */
export function templateCsv(schema: DatasetSchema): string {
  return `\uFEFF${schema.columns.map((c) => csvField(c.label)).join(',')}\r\n`;
}

export interface TemplateFile {
  /** Path relative to the project root, e.g. `data/templates/funding.csv`. */
  path: string;
  content: string;
}

/** One template per dataset, in schema order. */
export function templateFiles(datasets: readonly DatasetSchema[] = DATASETS): TemplateFile[] {
  return datasets.map((s) => ({ path: `${TEMPLATES_DIR}/${s.file}`, content: templateCsv(s) }));
}

/**
 * Replace what lies between the dictionary markers of `guide` with `section`;
 * throws when a marker is missing or out of order (a broken guide is a bug to fix by hand).
 */
export function fillDictionarySection(guide: string, section: string): string {
  const start = guide.indexOf(DICTIONARY_START);
  const end = guide.indexOf(DICTIONARY_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`docs/admin-guide.md 缺少 ${DICTIONARY_START} / ${DICTIONARY_END} 标记`);
  }
  const body = section.trim();
  return `${guide.slice(0, start + DICTIONARY_START.length)}\n\n${body}\n\n${guide.slice(end)}`;
}

/** The text between the dictionary markers, trimmed; null when the markers are missing. */
export function readDictionarySection(guide: string): string | null {
  const start = guide.indexOf(DICTIONARY_START);
  const end = guide.indexOf(DICTIONARY_END);
  if (start < 0 || end < 0 || end < start) return null;
  return guide.slice(start + DICTIONARY_START.length, end).trim();
}
