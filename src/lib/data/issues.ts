/** Problems found in input: values, never exceptions; printed one per line like a compiler's. */

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** Stable code, key of the message catalog in messages.ts. */
  code: string;
  /** Path as shown to the admin, e.g. `data/militia_cases.csv`. */
  file: string;
  /** Physical 1-based line. */
  line: number;
  /** 1-based field position in its row (1 for whole-row and whole-file problems). */
  column: number;
  /** The Chinese message after `错误: ` / `警告: `. */
  message: string;
}

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告' };

/** Line of the `omitted` issue that closes a file's capped list: it sorts after every real line. */
export const OMITTED_LINE = Number.MAX_SAFE_INTEGER;

/** One issue as `file:line:column: 错误: message` (contract §2); the closing `omitted` count as `file: 另有 N 个问题未列出…`. */
export function formatIssue(i: Issue): string {
  if (i.code === 'omitted') return `${i.file}: ${i.message}`;
  return `${i.file}:${i.line}:${i.column}: ${LABEL[i.severity]}: ${i.message}`;
}

/** True when any issue is an error (the run must then change nothing). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Sort issues by file, line, column, keeping errors before warnings at the same place. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
