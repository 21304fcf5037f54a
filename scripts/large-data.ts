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
import { readArgs, usageError } from '../src/lib/cli/args.ts';
import { writeLargeData } from './large-data/generate.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run data:large -- --out 目录';

const args = readArgs(process.argv.slice(2), { out: 'value' }, USAGE);
if (typeof args.out !== 'string' || args.out === '') usageError('缺少 --out 目录', USAGE);
const out = resolve(args.out);
const t0 = performance.now();
const counts = await writeLargeData(out);
const template = join(ROOT, 'data', 'report-template.md');
if (existsSync(template)) copyFileSync(template, join(out, 'report-template.md'));
for (const [file, n] of Object.entries(counts)) console.log(`${join(out, file)}: ${n.toLocaleString('en-US')} 行`);
console.log(`用时 ${((performance.now() - t0) / 1000).toFixed(1)} s。构建：npm run build -- --data-dir ${out} --dist-dir 目录`);
