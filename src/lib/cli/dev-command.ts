/**
 * `npm run dev [-- --data-dir DIR] [--port N] [--host]`
 * Runs the data step into the folder the site reads, then Astro's dev server with live data: saving a CSV,
 * config.json or the report template re-runs the data step and reloads the page; problems show in the terminal
 * and the page, in the same `file:line:column: 错误:` lines as `npm run check` and `npm run build`.
 * Ends with 0 on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipelineDataStep } from '../publish/publish.ts';
import { shownFrom } from '../publish/publish-paths.ts';
import { siteDataDir } from '../site/site-data.ts';
import { readConfig } from '../shared/config.ts';
import { devData, statusOf } from '../publish/dev-integration.ts';
import { readArgs, readPort } from './args.ts';
import { EXIT } from './errors.ts';
import { requireFolder } from './folders.ts';
import type { Command } from './main.ts';

const USAGE = '用法：npm run dev -- [--data-dir 目录] [--port 端口] [--host]';

/** Resolves once SIGINT or SIGTERM arrives. */
function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const devCommand: Command = async (argv, { io, root }) => {
  const args = readArgs(argv, { 'data-dir': 'value', port: 'value', host: 'optional' }, USAGE);
  const dataDir = args['data-dir'] !== undefined ? resolve(args['data-dir']) : join(root, 'data');
  const port = readPort(args.port, USAGE);
  const host = args.host;
  requireFolder(dataDir, args['data-dir'] ?? 'data', USAGE);

  const outDir = siteDataDir();
  // Base path and site URL follow the config.json of the folder previewed, as in npm run build. A broken
  // config.json gives the defaults here; the data step below reports it like any other data problem.
  const cfg = readConfig(dataDir);
  process.env.SITE_BASE = cfg.base;
  process.env.SITE_URL = cfg.site;
  process.env.SITE_CONFIG_DIR = dataDir;
  // Error lines name the folder as the admin knows it: `data/funding.csv`, or the path given.
  const displayDir = shownFrom(root, dataDir);
  const log = (line: string): void => io.out(line);

  const result = await pipelineDataStep(dataDir, outDir, displayDir);
  const initial = statusOf(result);
  for (const line of [...initial.errors, ...initial.warnings]) log(line);
  if (result.ok) log(`数据已处理，写入 ${outDir}。`);
  else if (existsSync(join(outDir, 'summary.json'))) log(`数据有 ${initial.errors.length} 处错误：预览显示上一次正确的数据，改正 CSV 并保存后自动刷新。`);
  else log(`数据有 ${initial.errors.length} 处错误，且还没有任何正确的数据可显示：请先改正上面的错误，保存后自动刷新。`);

  // Loaded here, not at the top: a usage error or a broken data folder answers without starting Vite.
  const { dev } = await import('astro');
  const stopped = untilStopped();
  const server = await dev({
    root,
    ...(port !== undefined || host !== undefined ? { server: { ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) } } : {}),
    integrations: [devData({ root, dataDir, displayDir, outDir, runData: pipelineDataStep, log, initial })],
  });
  log('预览已启动：修改 data/ 中的 CSV、config.json 或 report-template.md 并保存，页面会自动刷新。按 Ctrl+C 结束。');
  log('（修改 config.json 中的 base 或 site 需重新运行 npm run dev。）');
  await stopped;
  await server.stop();
  return EXIT.ok;
};
