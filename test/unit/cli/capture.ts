import type { Io } from '../../../src/lib/cli/main.ts';

/** Writers that keep every line a command prints, for in-process command tests. */
export function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => void stdout.push(line), err: (line) => void stderr.push(line) };
}
