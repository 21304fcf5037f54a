import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataCommand } from '../../src/lib/cli/data-command.ts';
import { main } from '../../src/lib/cli/main.ts';
import { acquireBuildLock } from '../e2e/harness.ts';

// npm run dev on a temp copy of data/: a saved edit reaches the page, a bad CSV shows as status and keeps the last good data.
const root = join(import.meta.dirname, '..', '..');
let dir: string;
let child: ChildProcess;
let base = '';
let output = '';
/** The dev server shares the checkout's .astro/ folder with builds: hold their lock while it runs. */
let release: () => void = () => {};

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function fundingTotal2025(): Promise<number> {
  const s = (await (await fetch(`${base}data/summary.json`)).json()) as { metrics: Record<string, { byYear: Record<string, number> }> };
  return s.metrics['funding.total']?.byYear['2025'] as number;
}

interface Status {
  ok: boolean;
  errors: string[];
}
async function status(): Promise<Status> {
  return (await (await fetch(`${base}__shuangyong/data-status`)).json()) as Status;
}

beforeAll(async () => {
  release = await acquireBuildLock();
  dir = mkdtempSync(join(tmpdir(), 'dev-'));
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  const port = String(20000 + Math.floor(Math.random() * 20000));
  child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'dev.ts'), '--data-dir', join(dir, 'data'), '--port', port], {
    cwd: root,
    // NO_COLOR: with CI set, Astro's logger colours its output and the URL would sit between escape codes.
    env: { ...process.env, SITE_DATA_DIR: join(dir, 'out'), TZ: 'Asia/Shanghai', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const plain = () => output.replace(/\u001b\[[0-9;]*m/g, '');
  base = await waitFor(async () => /Local\s+(http:\/\/localhost:\d+\/)/.exec(plain())?.[1], 'the dev server', 90_000);
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  release();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('re-runs the data step on save; a bad CSV or config.json shows the same lines as npm run check while the last good data stays', async () => {
    const file = join(dir, 'data', 'funding.csv');
    const before = await waitFor(async () => fundingTotal2025(), 'the first page', 60_000);
    expect((await status()).ok).toBe(true);

    writeFileSync(file, `${readFileSync(file, 'utf8')}2025,其他,测试项目,100,,\r\n`);
    const after = await waitFor(async () => {
      const v = await fundingTotal2025();
      return v !== before ? v : undefined;
    }, 'the edited figure');
    expect(after).toBeCloseTo(before + 100, 6);

    const lines = readFileSync(file, 'utf8').split('\n').length;
    writeFileSync(file, `${readFileSync(file, 'utf8')}2025,其他,坏行,abc,,\r\n`);
    const bad = await waitFor(async () => {
      const s = await status();
      return s.ok ? undefined : s;
    }, 'the error status');
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatch(new RegExp(`funding\\.csv:${lines}:4: 错误: `));
    expect(output).toContain(bad.errors[0]);
    expect(await fundingTotal2025()).toBeCloseTo(after, 6);

    // A broken config.json: the same file:line:column lines as npm run check prints for the folder.
    writeFileSync(join(dir, 'data', 'config.json'), '{\n  "district": "示例区",\n}\n');
    const broken = await waitFor(async () => {
      const s = await status();
      return s.errors.some((l) => l.includes('config.json')) ? s : undefined;
    }, 'the config.json error');
    const checked: string[] = [];
    const code = await main(dataCommand, ['--check', '--data-dir', join(dir, 'data')], { io: { out: (l) => void checked.push(l), err: (l) => void checked.push(l) }, root });
    expect(code).toBe(1);
    expect(broken.errors).toEqual(checked.filter((l) => l.includes(': 错误: ')));
    expect(broken.errors[0]).toBe(`${join(dir, 'data')}/config.json:2:20: 错误: 不是合法的 JSON：“}”前多了一个逗号：最后一项后面不能有逗号`);
    expect(output).toContain(broken.errors[0]);
  }, 150_000);

  it('serves neither the raw data CSVs (internal columns) nor build-report.txt, by any path Vite knows, while the pages and summary.json still load', async () => {
    const origin = base.replace(/\/$/, '');
    const report = join(root, 'build-report.txt');
    const hadReport = existsSync(report);
    if (!hadReport) writeFileSync(report, '变更报告（测试）');
    try {
      const urls = [
        'data/funding.csv',
        'data/funding.csv?raw',
        'data/funding.csv?url',
        '%64ata/funding.csv',
        `@fs${root}/data/funding.csv`,
        `@fs${root}/data/funding.csv?raw`,
        `@fs${dir}/data/funding.csv?raw`,
        'build-report.txt',
        'build-report.txt?raw',
        `@fs${root}/build-report.txt`,
      ];
      const leaks: string[] = [];
      for (const u of urls) {
        const r = await fetch(`${origin}/${u}`);
        const body = await r.text();
        if (r.status !== 404 || body.includes('受益单位') || body.includes('变更报告')) leaks.push(`${u} → ${r.status} ${body.slice(0, 60)}`);
      }
      expect(leaks).toEqual([]);
      expect((await fetch(`${base}data/summary.json`)).status).toBe(200);
      expect((await fetch(base)).status).toBe(200);
    } finally {
      if (!hadReport) rmSync(report, { force: true });
    }
  }, 60_000);
});
