/** The data folder as a whole: files that look like ours but are misnamed, so no rows are lost without a word. */
import type { PlainCode } from '../messages.ts';

export interface Misnamed {
  /** The entry as found in the folder. */
  name: string;
  /** The file name it should have. */
  expected: string;
  code: Extract<PlainCode, 'misnamed_case' | 'misnamed_copy' | 'misnamed_extension' | 'misnamed_workbook'>;
}

const WORKBOOK = new Set(['xlsx', 'xls', 'xlsm', 'xlsb', 'et', 'ett', 'ods', 'numbers']);
const EXTENSION = /\.(csv|txt|tsv|xlsx|xls|xlsm|xlsb|et|ett|ods|numbers|bak|old|tmp)$/i;
/** Copy marks Windows, macOS, WPS, browsers and chat apps add: ` (1)`, `(2)`, `（1）`, ` - 副本`, `_复制`, ` copy 2`, ` 2`. */
const COPY_SUFFIX = /(?:\s*[-_－—]?\s*(?:副本|复件|复制|拷贝|备份|copy|kopie)(?:\s*[(（]?\d+[)）]?)?|\s*[(（]\d+[)）]|\s+\d+)$/i;
const COPY_PREFIX = /^(?:copy\s+of\s+|复件\s*|副本\s*[-_]?\s*)/i;

/**
 * Whether a folder entry is one of `files` (`funding.csv` …) under another name: other letter case, a copy
 * mark, an extra or other extension, or a workbook with our base name. Null for our exact names, for files
 * unlike ours, and for lock and hidden files (`~$funding.xlsx`, `.~lock.funding.csv#`).
 */
export function misnamedFile(name: string, files: readonly string[]): Misnamed | null {
  if (files.includes(name) || name.startsWith('.') || name.startsWith('~$')) return null;
  const exts: string[] = [];
  let base = name.trim();
  for (let m = EXTENSION.exec(base); m !== null; m = EXTENSION.exec(base)) {
    exts.unshift(m[1]!.toLowerCase());
    base = base.slice(0, m.index).trim();
  }
  let copied = false;
  for (let prev = ''; prev !== base; ) {
    prev = base;
    base = base.replace(COPY_SUFFIX, '').replace(COPY_PREFIX, '').trim();
    if (base !== prev) copied = true;
  }
  const key = base.toLowerCase().replace(/[\s\-－]+/g, '_');
  const expected = files.find((f) => f.slice(0, f.lastIndexOf('.')) === key);
  if (!expected || base === '') return null;
  if (exts.some((e) => WORKBOOK.has(e))) return { name, expected, code: 'misnamed_workbook' };
  if (copied) return { name, expected, code: 'misnamed_copy' };
  if (exts.length !== 1 || exts[0] !== 'csv' || !name.toLowerCase().endsWith('.csv')) return { name, expected, code: 'misnamed_extension' };
  return { name, expected, code: 'misnamed_case' };
}
