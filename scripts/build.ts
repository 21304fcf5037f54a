/**
 * npm run build [-- --data-dir DIR] [--rollback] [--verbose]
 * Data step and site build into staging; only when both succeed does the result replace dist/.
 * Exit 0 published, 1 nothing changed (bad data, failed build), 2 bad usage, 130 interrupted.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defaultDeps, defaultPaths, publish, rollback } from '../src/lib/publish/publish.ts';
import type { PublishPaths } from '../src/lib/publish/publish.ts';
import { readArgs, usageError } from '../src/lib/cli/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run build -- [--data-dir 目录] [--rollback] [--verbose]';

// --dist-dir and the other folders are for tests and unusual layouts; an admin never needs them.
const args = readArgs(
  process.argv.slice(2),
  { 'data-dir': 'value', 'dist-dir': 'value', 'cache-dir': 'value', 'site-data-dir': 'value', 'report-file': 'value', rollback: 'flag', verbose: 'flag' },
  USAGE,
);
const folder = (v: string | true | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const overrides: Partial<PublishPaths> = Object.fromEntries(
  Object.entries({
    dataDir: folder(args['data-dir']),
    distDir: folder(args['dist-dir']),
    cacheDir: folder(args['cache-dir']),
    siteDataDir: folder(args['site-data-dir']),
    reportFile: folder(args['report-file']),
  }).filter(([, v]) => v !== undefined),
);
const doRollback = args.rollback === true;
const verbose = args.verbose === true;

const paths = defaultPaths(root, overrides);

if (doRollback) process.exit(rollback(paths, (l) => console.log(l)));

if (!existsSync(paths.dataDir)) usageError(`数据目录不存在：${paths.dataDir}`, USAGE);

const controller = new AbortController();
let interrupts = 0;
const onSignal = (): void => {
  interrupts++;
  // A second Ctrl-C still waits for cleanup; only the swap itself is never cut in half.
  if (interrupts === 1) controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const result = await publish(paths, defaultDeps(), { signal: controller.signal, verbose });
process.exit(result.exitCode);
