/**
 * `npm run preview [-- --port N] [--host]`
 * Serves the published dist/ locally under the configured base path, exactly as it would be deployed.
 * Exit 1 when there is nothing to preview; 0 on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs, readPort } from './args.ts';
import { EXIT, UserError } from './errors.ts';
import type { Command } from './main.ts';

const USAGE = '用法：npm run preview -- [--port 端口] [--host]';

export const previewCommand: Command = async (argv, { io, root }) => {
  const args = readArgs(argv, { port: 'value', host: 'optional' }, USAGE);
  const port = readPort(args.port, USAGE);
  const host = args.host;
  const dist = resolve(root, process.env.ASTRO_OUT_DIR ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new UserError([`还没有可预览的网站（${dist} 中没有 index.html）：请先运行 npm run build。`], EXIT.invalidData);
  }
  const { preview } = await import('astro');
  const server = await preview({
    root,
    ...(port !== undefined || host !== undefined ? { server: { ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) } } : {}),
  });
  io.out('正在预览已发布的 dist/（与部署到服务器后的效果相同）。按 Ctrl+C 结束。');
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await server.stop();
  return EXIT.ok;
};
