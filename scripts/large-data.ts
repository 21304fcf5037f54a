/**
 * npm run data:large -- --out DIR
 * Writes the large data set for scale checks (40 years, 3,000 honours, 1,000,000 militia rows, proportionate other
 * files, config.json and the sample report template) into DIR, then prints the rows per file.
 * Build with it: npm run build -- --data-dir DIR --dist-dir /tmp/large-dist
 */
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readArgs } from '../src/lib/cli/args.ts';
import { EXIT, usageError } from '../src/lib/cli/errors.ts';
import { runCli, type Command } from '../src/lib/cli/main.ts';
import { writeLargeData } from './large-data/generate.ts';

const USAGE = '用法：npm run data:large -- --out 目录';

const largeDataCommand: Command = async (argv, { io, root }) => {
  const out = readArgs(argv, { out: 'value' }, USAGE).out;
  if (out === undefined || out === '') throw usageError('缺少 --out 目录', USAGE);
  const dir = resolve(out);
  const t0 = performance.now();
  const counts = await writeLargeData(dir);
  const template = join(root, 'data', 'report-template.md');
  if (existsSync(template)) copyFileSync(template, join(dir, 'report-template.md'));
  for (const [file, n] of Object.entries(counts)) io.out(`${join(dir, file)}: ${n.toLocaleString('en-US')} 行`);
  io.out(`用时 ${((performance.now() - t0) / 1000).toFixed(1)} s。构建：npm run build -- --data-dir ${dir} --dist-dir 目录`);
  return EXIT.ok;
};

await runCli(largeDataCommand, { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
