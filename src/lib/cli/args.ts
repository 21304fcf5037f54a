/**
 * The one command-line reader of our scripts: `--name value`, `--name=value`, flags, and options whose
 * value may be left out (`--host` or `--host 0.0.0.0`). Bad usage prints a Chinese message and the
 * usage line, and exits 2 (the data contract's exit status for bad usage).
 */

/** `value`: needs a value; `flag`: takes none; `optional`: a value if the next word is not an option. */
export type ArgKind = 'value' | 'flag' | 'optional';

/** Exit 2 with a Chinese message and the usage line. */
export function usageError(message: string, usage: string): never {
  process.stderr.write(`错误: ${message}\n${usage}\n`);
  process.exit(2);
}

/** Read `argv` against a spec of long options; `--help`/`-h` prints the usage and exits 0. */
export function readArgs<K extends string>(argv: readonly string[], spec: Record<K, ArgKind>, usage: string): Partial<Record<K, string | true>> {
  const out: Partial<Record<K, string | true>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(2, eq) : a.slice(2)) as K;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const kind = a.startsWith('--') ? spec[name] : undefined;
    if (kind === undefined) usageError(`未知选项“${a}”`, usage);
    if (kind === 'flag') {
      if (inline !== undefined) usageError(`选项 --${name} 不带参数`, usage);
      out[name] = true;
    } else if (inline !== undefined) {
      out[name] = inline;
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[name] = next;
        i++;
      } else if (kind === 'optional') out[name] = true;
      else usageError(`选项 --${name} 缺少参数`, usage);
    }
  }
  return out;
}

/** A TCP port option: undefined when absent, else an integer 1–65535 (bad usage otherwise). */
export function readPort(value: string | true | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!(Number.isInteger(port) && port > 0 && port < 65536)) usageError('端口应为 1–65535 的整数', usage);
  return port;
}
