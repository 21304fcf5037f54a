/**
 * The one command-line reader of our commands, on `node:util` `parseArgs`: `--name value`, `--name=value`, flags,
 * and options whose value may be left out (`--host` or `--host 0.0.0.0`). parseArgs splits the words; the checks
 * here turn each misuse into a Chinese message (exit 2, the data contract's status for bad usage).
 * Every command also takes `--help`/`-h` (prints the usage, exit 0) and `--verbose`.
 */
import { parseArgs } from 'node:util';
import { helpRequest, usageError } from './errors.ts';

/** `value`: needs a value; `flag`: takes none; `optional`: a value if the next word is not an option. */
export type ArgKind = 'value' | 'flag' | 'optional';

export type ArgSpec = Readonly<Record<string, ArgKind>>;

/** What was given, per option: a flag is `true`, a value a string, an optional option either; absent options are absent. */
export type ArgValues<S extends ArgSpec> = {
  -readonly [K in keyof S]?: S[K] extends 'flag' ? true : S[K] extends 'value' ? string : string | true;
} & { verbose?: true };

/** Options every command understands. */
const COMMON = { help: 'flag', verbose: 'flag' } as const satisfies ArgSpec;

/**
 * Read `argv` against a spec of long options; the last of a repeated option wins.
 * Throws a UserError: exit 2 with `错误: <message>` and the usage line, or exit 0 with the usage for `--help`.
 */
export function readArgs<S extends ArgSpec>(argv: readonly string[], spec: S, usage: string): ArgValues<S> {
  const kinds: Record<string, ArgKind> = { ...spec, ...COMMON };
  // An optional option takes the next word only when it is not an option: join them so parseArgs sees one word.
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = argv[i + 1];
    if (w.startsWith('--') && kinds[w.slice(2)] === 'optional' && next !== undefined && !next.startsWith('-')) {
      words.push(`${w}=${next}`);
      i++;
    } else words.push(w);
  }
  const options = Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [name, { type: kind === 'value' ? ('string' as const) : ('boolean' as const), ...(name === 'help' ? { short: 'h' } : {}) }]),
  );
  const { tokens } = parseArgs({ args: words, options, strict: false, allowPositionals: true, tokens: true });
  const out: Record<string, string | true> = {};
  let help = false;
  for (const t of tokens) {
    if (t.kind === 'positional') throw usageError(`多余的参数“${t.value}”（选项以 -- 开头）`, usage);
    if (t.kind === 'option-terminator') continue;
    const kind = kinds[t.name];
    if (kind === undefined || (!t.rawName.startsWith('--') && t.name !== 'help')) throw usageError(`未知选项“${t.rawName}”`, usage);
    if (t.name === 'help') {
      help = true;
      continue;
    }
    if (kind === 'flag') {
      if (t.value !== undefined) throw usageError(`选项 ${t.rawName} 不带参数`, usage);
      out[t.name] = true;
    } else if (kind === 'value') {
      // `--data-dir --check`: parseArgs takes the next word whatever it is; an option there means the value was forgotten.
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))) throw usageError(`选项 ${t.rawName} 缺少参数`, usage);
      out[t.name] = t.value;
    } else {
      out[t.name] = t.value === undefined || t.value === '' ? true : t.value;
    }
  }
  if (help) throw helpRequest(usage);
  return out as ArgValues<S>;
}

/** A TCP port option: undefined when absent, else an integer 1–65535 (bad usage otherwise). */
export function readPort(value: string | true | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!(typeof value === 'string' && /^\d+$/.test(value) && port > 0 && port < 65536)) throw usageError('端口应为 1–65535 的整数', usage);
  return port;
}
