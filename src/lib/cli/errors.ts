/**
 * The one error model of our commands. A user error carries its exit status and the lines to print; anything else
 * thrown is a bug, reported as an internal error with its own exit status.
 */
import { formatIssue, type Issue } from '../data/issues.ts';

/** Exit statuses of every command (data contract §2 for 0–2; docs/admin-guide.md lists them all). */
export const EXIT = {
  /** Done; warnings allowed. */
  ok: 0,
  /** Invalid data (a CSV, config.json or the report template), or a build that failed: nothing was changed. */
  invalidData: 1,
  /** Bad usage: an unknown option, a missing value, a data folder that does not exist. */
  usage: 2,
  /** `npm run build` only: the new site is live, but a step after the swap did not finish (src/lib/publish/publish.ts). */
  liveButUnfinished: 3,
  /** A bug in the program (BSD sysexits EX_SOFTWARE): never the admin's fault, always worth reporting. */
  internal: 70,
  /** Interrupted with Ctrl-C (128 + SIGINT): nothing was changed. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem the user can fix: printed as it is (no stack), then the command ends with `exitCode`. */
export class UserError extends Error {
  constructor(
    /** What to print, one entry per line. */
    readonly lines: readonly string[],
    readonly exitCode: ExitCode,
    /** Help goes to stdout; problems go to stderr. */
    readonly stream: 'stdout' | 'stderr' = 'stderr',
  ) {
    super(lines.join('\n'));
    this.name = 'UserError';
  }
}

/** Bad usage (exit 2): `错误: <message>` and the usage line. */
export function usageError(message: string, usage: string): UserError {
  return new UserError([`错误: ${message}`, usage], EXIT.usage);
}

/** `--help`: the usage line on stdout, exit 0. */
export function helpRequest(usage: string): UserError {
  return new UserError([usage], EXIT.ok, 'stdout');
}

/** Invalid input found outside the data step's own report (exit 1): one `file:line:column: 错误: …` line per issue. */
export function invalidData(issues: readonly Issue[]): UserError {
  return new UserError(issues.map(formatIssue), EXIT.invalidData);
}

/** The message of anything thrown, on one line. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim() || '（没有说明）';
}

/**
 * What an internal error prints: one Chinese line asking to report it, the stack only with `--verbose`.
 * `内部错误：TypeError: x is undefined。这是程序的问题，不是数据的问题：请把这一行和所运行的命令报告给开发人员（加 --verbose 可看到详细信息）。`
 */
export function internalErrorLines(e: unknown, verbose: boolean): string[] {
  const head = `内部错误：${oneLine(e)}。这是程序的问题，不是数据的问题：请把这一行和所运行的命令报告给开发人员`;
  if (!verbose) return [`${head}（加 --verbose 可看到详细信息）。`];
  const stack = e instanceof Error && e.stack ? e.stack.split('\n').slice(1) : [];
  return [`${head}。`, ...stack];
}
