/**
 * npm run build [-- --data-dir DIR] [--rollback] [--verbose]
 * Data step and site build into staging; only when both succeed does the result replace dist/.
 * Exit 0 published, 1 nothing changed (bad data, failed build), 2 bad usage, 130 interrupted.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defaultDeps, defaultPaths, publish, rollback } from '../src/lib/publish.ts';
import type { PublishPaths } from '../src/lib/publish.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run build -- [--data-dir 目录] [--rollback] [--verbose]';

function usage(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

const overrides: Partial<PublishPaths> = {};
let doRollback = false;
let verbose = false;
const args = process.argv.slice(2);
const valueOptions: Record<string, keyof PublishPaths> = {
  '--data-dir': 'dataDir',
  // For tests and unusual layouts; an admin never needs these.
  '--dist-dir': 'distDir',
  '--cache-dir': 'cacheDir',
  '--site-data-dir': 'siteDataDir',
  '--report-file': 'reportFile',
};
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  if (name === '--rollback') doRollback = true;
  else if (name === '--verbose') verbose = true;
  else if (name === '--help' || name === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (name in valueOptions) {
    const v = inline ?? args[++i];
    if (v === undefined || v === '') usage(`选项 ${name} 需要一个目录`);
    overrides[valueOptions[name] as keyof PublishPaths] = v;
  } else usage(`未知选项：${a}`);
}

const paths = defaultPaths(root, overrides);

if (doRollback) process.exit(rollback(paths, (l) => console.log(l)));

if (!existsSync(paths.dataDir)) usage(`数据目录不存在：${paths.dataDir}`);

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
