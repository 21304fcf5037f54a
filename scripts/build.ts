/**
 * npm run build [-- --data-dir DIR] [--rollback] [--verbose] [--allow-removal]
 * Data step and site build into staging; only when both succeed does the result replace dist/.
 * Exit 0 published, 1 nothing changed (bad data, failed build, shrink guard), 2 bad usage,
 * 3 published but a step after the swap did not finish, 130 interrupted (also: the npm that started it went away).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defaultDeps, defaultPaths, publish, rollback } from '../src/lib/publish/publish.ts';
import type { PublishPaths } from '../src/lib/publish/publish.ts';
import { readArgs, usageError } from '../src/lib/cli/args.ts';
import { watchParents } from '../src/lib/publish/parent-watch.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run build -- [--data-dir 目录] [--rollback] [--verbose] [--allow-removal]';

// --dist-dir and the other folders are for tests and unusual layouts; an admin never needs them.
const args = readArgs(
  process.argv.slice(2),
  { 'data-dir': 'value', 'dist-dir': 'value', 'cache-dir': 'value', 'site-data-dir': 'value', 'report-file': 'value', rollback: 'flag', verbose: 'flag', 'allow-removal': 'flag' },
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

// SIGTERM to npm ends npm but never reaches this process: watch the processes up to npm as well.
const parent = watchParents(() => controller.abort());
const allowRemoval = args['allow-removal'] === true;
const result = await publish(paths, defaultDeps(), { signal: controller.signal, verbose, allowRemoval, parentGone: parent.gone });
process.exit(result.exitCode);
