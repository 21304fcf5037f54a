/**
 * npm run dev [-- --data-dir DIR] [--port N] [--host]
 * Runs the data step into the folder the site reads, then Astro's dev server with live data:
 * saving a CSV re-runs the data step and reloads the page; errors show in the terminal and the page.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dev } from 'astro';
import { pipelineDataStep } from '../src/lib/publish/publish.ts';
import { siteDataDir } from '../src/lib/site/site-data.ts';
import { readConfig } from '../src/lib/shared/config.ts';
import { devData, statusOf } from '../src/lib/publish/dev-integration.ts';
import type { DataStatus } from '../src/lib/publish/dev-integration.ts';
import { readArgs, readPort, usageError } from '../src/lib/cli/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run dev -- [--data-dir 目录] [--port 端口] [--host]';

const args = readArgs(process.argv.slice(2), { 'data-dir': 'value', port: 'value', host: 'optional' }, USAGE);
const dataDir = typeof args['data-dir'] === 'string' ? resolve(args['data-dir']) : join(root, 'data');
const port = readPort(args.port, USAGE);
const host = args.host;
if (!existsSync(dataDir)) usageError(`数据目录不存在：${dataDir}`, USAGE);

const outDir = siteDataDir();
// Base path and site URL follow the config.json of the folder previewed, as in npm run build.
try {
  const cfg = readConfig(dataDir);
  process.env.SITE_BASE = cfg.base;
  process.env.SITE_URL = cfg.site;
  process.env.SITE_CONFIG_DIR = dataDir;
} catch (e) {
  console.error(`${join(dataDir, 'config.json')} 不是合法的 JSON：${(e as Error).message}`);
  process.exit(2);
}
// Error lines name the folder as the admin knows it: `data/funding.csv`, or the path given.
const rel = relative(root, dataDir);
const displayDir = rel === '' ? '.' : rel.startsWith('..') ? dataDir : rel.split(sep).join('/');
const log = (line: string): void => console.log(line);

let initial: DataStatus;
try {
  const result = await pipelineDataStep(dataDir, outDir, displayDir);
  initial = statusOf(result);
  for (const line of [...initial.errors, ...initial.warnings]) log(line);
  if (result.ok) log(`数据已处理，写入 ${outDir}。`);
  else if (existsSync(join(outDir, 'summary.json'))) log(`数据有 ${initial.errors.length} 处错误：预览显示上一次正确的数据，改正 CSV 并保存后自动刷新。`);
  else log(`数据有 ${initial.errors.length} 处错误，且还没有任何正确的数据可显示：请先改正上面的错误，保存后自动刷新。`);
} catch (e) {
  initial = { ok: false, errors: [`数据处理出错：${(e as Error).message}`], warnings: [], at: new Date().toISOString() };
  log(initial.errors[0] as string);
}

const server = await dev({
  root,
  ...(port !== undefined || host !== undefined ? { server: { ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) } } : {}),
  integrations: [devData({ root, dataDir, displayDir, outDir, runData: pipelineDataStep, log, initial })],
});
log('预览已启动：修改 data/ 中的 CSV、config.json 或 report-template.md 并保存，页面会自动刷新。按 Ctrl+C 结束。');
log('（修改 config.json 中的 base 或 site 需重新运行 npm run dev。）');

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
