/**
 * npm run preview [-- --port N] [--host]
 * Serves the published dist/ locally under the configured base path, exactly as it would be deployed.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { readArgs, readPort } from '../src/lib/cli/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run preview -- [--port 端口] [--host]';
const args = readArgs(process.argv.slice(2), { port: 'value', host: 'optional' }, USAGE);
const port = readPort(args.port, USAGE);
const host = args.host;

const dist = resolve(root, process.env.ASTRO_OUT_DIR ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`还没有可预览的网站（${dist} 中没有 index.html）：请先运行 npm run build。`);
  process.exit(1);
}

const server = await preview({
  root,
  ...(port !== undefined || host !== undefined ? { server: { ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) } } : {}),
});
console.log('正在预览已发布的 dist/（与部署到服务器后的效果相同）。按 Ctrl+C 结束。');
const stop = async (): Promise<void> => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
