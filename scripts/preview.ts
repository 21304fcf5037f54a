/**
 * npm run preview [-- --port N] [--host]
 * Serves the published dist/ locally under the configured base path, exactly as it would be deployed.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run preview -- [--port 端口] [--host]';
let port: number | undefined;
let host: boolean | string | undefined;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  if (name === '--port') port = Number(inline ?? args[++i]);
  else if (name === '--host') host = inline ?? true;
  else {
    console.error(`未知选项：${a}\n${USAGE}`);
    process.exit(2);
  }
}
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`端口应为 1–65535 的整数\n${USAGE}`);
  process.exit(2);
}

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
