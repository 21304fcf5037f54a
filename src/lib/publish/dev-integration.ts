/**
 * The live-preview integration used by `npm run dev`: watches the data folder, re-runs the data
 * step on every save, reloads the browser on success, and on errors keeps the last good JSON
 * while showing the error lines in the terminal and as a banner in the page.
 */
import type { AstroIntegration } from 'astro';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIssue } from '../data/issues.ts';
import type { DataStepResult } from './publish.ts';

/** Dev-only endpoint answering the current data status as JSON. */
export const STATUS_PATH = '/__shuangyong/data-status';
/** Vite custom event carrying the same status, so an open page updates without reloading. */
export const STATUS_EVENT = 'shuangyong:data-status';

export interface DataStatus {
  ok: boolean;
  /** Error lines as printed in the terminal (`file:line:column: 错误: …`). */
  errors: string[];
  warnings: string[];
  /** When the last run finished (ISO). */
  at: string;
}

export interface DevDataOptions {
  root: string;
  dataDir: string;
  /** How error lines name the data folder (`data`). */
  displayDir: string;
  /** Where the site reads JSON (`.cache/data`). */
  outDir: string;
  runData(dataDir: string, outDir: string, displayDir: string): Promise<DataStepResult>;
  log(line: string): void;
  /** Status of the run made before the server started. */
  initial: DataStatus;
  /** Milliseconds to wait for more saves before re-running (Excel writes a file in several steps). */
  debounceMs?: number;
}

/** The data-folder files whose change re-runs the data step: top-level CSVs (not templates/), config.json, report-template.md. */
export function isWatchedDataFile(dataDir: string, file: string): boolean {
  const f = resolve(file);
  if (dirname(f) !== resolve(dataDir)) return false;
  const name = basename(f);
  if (name.startsWith('~$') || name.startsWith('.')) return false; // Excel/WPS lock files, editor temp files
  return extname(name).toLowerCase() === '.csv' || name === 'config.json' || name === 'report-template.md';
}

/** The status of one data run. */
export function statusOf(result: DataStepResult, at: Date = new Date()): DataStatus {
  return {
    ok: result.ok,
    errors: result.issues.filter((i) => i.severity === 'error').map(formatIssue),
    warnings: result.issues.filter((i) => i.severity === 'warning').map(formatIssue),
    at: at.toISOString(),
  };
}

// Runs in the browser (dev only): a fixed banner listing the data errors; textContent only, no HTML from data.
const BANNER_SCRIPT = `
const ID = 'shuangyong-data-status';
function render(status) {
  let el = document.getElementById(ID);
  if (!status || status.ok) { if (el) el.remove(); return; }
  if (!el) {
    el = document.createElement('div');
    el.id = ID;
    el.setAttribute('role', 'alert');
    Object.assign(el.style, {
      position: 'sticky', top: '0', zIndex: '2147483647', margin: '0', padding: '12px 16px',
      background: '#fdecea', color: '#611a15', borderBottom: '3px solid #b3261e',
      font: '15px/1.5 system-ui, sans-serif', maxHeight: '50vh', overflow: 'auto',
    });
    document.body.prepend(el);
  }
  const title = document.createElement('strong');
  title.textContent = '数据有错误（共 ' + status.errors.length + ' 处）：页面仍显示上一次正确的数据。改正 CSV 并保存后会自动刷新。';
  const pre = document.createElement('pre');
  Object.assign(pre.style, { margin: '8px 0 0', whiteSpace: 'pre-wrap', font: '13px/1.5 ui-monospace, monospace' });
  pre.textContent = status.errors.join('\\n');
  el.replaceChildren(title, pre);
}
fetch(${JSON.stringify(STATUS_PATH)}).then((r) => r.json()).then(render, () => {});
if (import.meta.hot) import.meta.hot.on(${JSON.stringify(STATUS_EVENT)}, render);
`;

/** The inline integration; add it to `dev({ integrations: [...] })`. */
export function devData(opts: DevDataOptions): AstroIntegration {
  const debounceMs = opts.debounceMs ?? 150;
  let status = opts.initial;
  return {
    name: 'shuangyong:dev-data',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', BANNER_SCRIPT);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(STATUS_PATH, (_req, res) => {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(status));
        });
        // The folder, not globs: one watch covers files created later (a new CSV, a template copied in).
        server.watcher.add(opts.dataDir);

        const siteData = join(opts.root, 'src', 'lib', 'site-data.ts');
        let timer: NodeJS.Timeout | null = null;
        let running = false;
        let again = false;
        const changed: Set<string> = new Set();

        const once = async (): Promise<void> => {
          const files = [...changed].map((f) => basename(f));
          changed.clear();
          const t0 = performance.now();
          let result: DataStepResult;
          try {
            result = await opts.runData(opts.dataDir, opts.outDir, opts.displayDir);
          } catch (e) {
            status = { ok: false, errors: [`数据处理出错：${(e as Error).message}`], warnings: [], at: new Date().toISOString() };
            opts.log(status.errors[0] as string);
            server.ws.send({ type: 'custom', event: STATUS_EVENT, data: status });
            return;
          }
          const secs = ((performance.now() - t0) / 1000).toFixed(2);
          status = statusOf(result);
          if (result.ok) {
            for (const w of status.warnings) opts.log(w);
            opts.log(`已重新处理数据（${files.join('、')}，${secs} s），浏览器已刷新。`);
            // The loader keeps parsed JSON in module state: re-evaluate it (and the pages using it) on the next request.
            for (const mod of server.moduleGraph.getModulesByFile(siteData) ?? []) server.moduleGraph.invalidateModule(mod);
            server.ws.send({ type: 'full-reload', path: '*' });
          } else {
            opts.log('');
            for (const line of [...status.errors, ...status.warnings]) opts.log(line);
            opts.log(`数据有 ${status.errors.length} 处错误（${files.join('、')}）：页面继续显示上一次正确的数据，改正后保存即可。`);
            server.ws.send({ type: 'custom', event: STATUS_EVENT, data: status });
          }
        };

        const run = async (): Promise<void> => {
          if (running) {
            again = true;
            return;
          }
          running = true;
          try {
            do {
              again = false;
              await once();
            } while (again);
          } finally {
            running = false;
          }
        };

        const onFile = (file: string): void => {
          if (!isWatchedDataFile(opts.dataDir, file)) return;
          changed.add(file);
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = null;
            void run();
          }, debounceMs);
        };
        server.watcher.on('add', onFile);
        server.watcher.on('change', onFile);
        server.watcher.on('unlink', onFile);
      },
    },
  };
}
