/**
 * The one wrapper every command runs through: `main(command, argv) → exit status`. A UserError prints its lines
 * and gives its status; anything else is an internal error (exit 70, one line, the stack only with --verbose).
 * Output goes through injected writers, so tests run a command in process and read exactly what a user sees.
 */
import { EXIT, UserError, internalErrorLines } from './errors.ts';

/** Where a command prints, one line at a time (the newline is added by the writer). */
export interface Io {
  /** Normal output (stdout). */
  out(line: string): void;
  /** Problems (stderr). */
  err(line: string): void;
}

export interface CommandContext {
  io: Io;
  /** The project root (package.json, astro.config.mjs, data/). Default: the current folder, as npm sets it. */
  root: string;
  /** The build time, for tests; default now. */
  now?: Date;
}

/** A command: reads its arguments, does its work, resolves with its exit status; throws UserError for user mistakes. */
export type Command = (argv: readonly string[], ctx: CommandContext) => Promise<number>;

/** The process's own stdout and stderr. */
export const processIo: Io = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/** Print what was thrown and give the exit status: a UserError as it is, anything else as an internal error. */
export function reportThrown(e: unknown, io: Io, verbose: boolean): number {
  if (e instanceof UserError) {
    for (const line of e.lines) (e.stream === 'stdout' ? io.out : io.err)(line);
    return e.exitCode;
  }
  for (const line of internalErrorLines(e, verbose)) io.err(line);
  return EXIT.internal;
}

/** Run a command in process; never rejects. */
export async function main(command: Command, argv: readonly string[], ctx: Partial<CommandContext> = {}): Promise<number> {
  const full: CommandContext = { io: ctx.io ?? processIo, root: ctx.root ?? process.cwd(), ...(ctx.now ? { now: ctx.now } : {}) };
  try {
    return await command(argv, full);
  } catch (e) {
    return reportThrown(e, full.io, argv.includes('--verbose'));
  }
}

/**
 * The entry point of a script: runs the command on `process.argv`, then exits with its status. An error thrown
 * later from a callback (a server, a watcher) is reported the same way and ends the process.
 */
export async function runCli(command: Command, ctx: Partial<CommandContext> = {}): Promise<never> {
  const argv = process.argv.slice(2);
  const crash = (e: unknown): never => process.exit(reportThrown(e, ctx.io ?? processIo, argv.includes('--verbose')));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.exit(await main(command, argv, ctx));
}
