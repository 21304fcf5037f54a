import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPaths, publish, rollback, formatTimings, previousDistDir, readPublished } from '../../../src/lib/publish/publish.ts';
import type { PublishDeps, PublishPaths, DataStepResult } from '../../../src/lib/publish/publish.ts';
import type { Summary, Details } from '../../../src/lib/shared/types.ts';
import type { Issue } from '../../../src/lib/data/issues.ts';

let dir: string;
let paths: PublishPaths;
let logs: string[];

function summary(total: number, generatedAt: string): Summary {
  return {
    schemaVersion: 1,
    generatedAt,
    years: [2025],
    latestYear: 2025,
    metrics: { 'funding.total': { label: '经费投入', unit: '万元', byYear: { 2025: total }, yoy: { 2025: null } } },
    honors: { streak: { title: '双拥模范城', years: 0, through: null } },
  };
}
function details(generatedAt: string): Details {
  return { schemaVersion: 1, generatedAt, files: [], breakdowns: {}, honors: [], indicators: [] };
}

/** A data step writing summary/details for `total`, or failing with `errors`. */
function dataStep(total: number, generatedAt: string, errors: Issue[] = []): PublishDeps['runData'] {
  return async (_dataDir, outDir): Promise<DataStepResult> => {
    const s = summary(total, generatedAt);
    const d = details(generatedAt);
    if (errors.length === 0) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'summary.json'), JSON.stringify(s));
      writeFileSync(join(outDir, 'details.json'), JSON.stringify(d));
    }
    return { ok: errors.length === 0, issues: errors, summary: s, details: d };
  };
}

/** A site build copying the staged summary into the site, as the real pages do. */
const fakeSite: PublishDeps['buildSite'] = async ({ dataDir, outDir }) => {
  mkdirSync(join(outDir, 'data'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), `<p>${readFileSync(join(dataDir, 'summary.json'), 'utf8')}</p>`);
  writeFileSync(join(outDir, 'data', 'summary.json'), readFileSync(join(dataDir, 'summary.json')));
};

function deps(runData: PublishDeps['runData'], buildSite: PublishDeps['buildSite'] = fakeSite): PublishDeps {
  return { runData, buildSite, log: (l) => logs.push(l) };
}

function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(folder, '');
  return out;
}

const BAD: Issue = { severity: 'error', code: 'not_integer', file: 'data/militia_cases.csv', line: 17, column: 4, message: '列“查处案件数”(cases) 应为非负整数，实际为“abc”' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'publish-'));
  mkdirSync(join(dir, 'data'));
  paths = defaultPaths(dir);
  logs = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('publish', () => {
  it('swaps the staged site in as dist, keeps the kept JSON, the site data and the report, and removes staging', async () => {
    const r = await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(0);
    expect(r.timings.map((t) => t.step)).toEqual(['数据校验', '站点构建', '发布']);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('512.5');
    expect(existsSync(join(dir, '.cache', 'published', 'details.json'))).toBe(true);
    expect(existsSync(join(dir, '.cache', 'data', 'summary.json'))).toBe(true);
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toContain('首次发布：没有上次发布的数据可对比。');
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('staging-') || n === 'build.lock')).toEqual([]);
    expect(logs.at(-1)).toMatch(/^用时：数据校验 \d+\.\d\d s · 站点构建 \d+\.\d\d s · 发布 \d+\.\d\d s · 合计 \d+\.\d\d s$/);
  });

  it('reports old → new against the last publish and keeps the previous site for rollback', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    const r = await publish(paths, deps(dataStep(576.2, '2026-01-02T00:00:00.000Z')));
    expect(r.report).toContain('  2025 经费投入: 512.50 → 576.20 万元 (+12.4%)');
    expect(readFileSync(join(previousDistDir(paths), 'index.html'), 'utf8')).toContain('512.5');
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toContain('512.50 → 576.20 万元');
  });

  it('leaves dist untouched and prints every error line when the data are invalid', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    const reportBefore = readFileSync(join(dir, 'build-report.txt'), 'utf8');
    logs = [];
    const r = await publish(paths, deps(dataStep(1, '2026-01-02T00:00:00.000Z', [BAD])));
    expect(r.exitCode).toBe(1);
    expect(logs).toContain('data/militia_cases.csv:17:4: 错误: 列“查处案件数”(cases) 应为非负整数，实际为“abc”');
    expect(logs.at(-1)).toBe('构建已停止。已发布的网站未改动（dist/ 保持原样）。');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toBe(reportBefore);
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('leaves dist untouched when the site build fails', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    const r = await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z'), async () => {
      throw new Error('astro build 退出码 1');
    }));
    expect(r.exitCode).toBe(1);
    expect(logs.at(-1)).toBe('站点构建失败。已发布的网站未改动（dist/ 保持原样）。');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(readFileSync(join(dir, '.cache', 'data', 'summary.json'), 'utf8')).toContain('512.5');
  });

  it('leaves dist untouched and removes staging when interrupted during the site build', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    const controller = new AbortController();
    const r = await publish(
      paths,
      deps(dataStep(2, '2026-01-02T00:00:00.000Z'), async (o) => {
        await fakeSite(o);
        controller.abort();
        throw new Error('astro build 退出码 SIGTERM');
      }),
      { signal: controller.signal },
    );
    expect(r.exitCode).toBe(130);
    expect(logs.at(-1)).toBe('构建已中断。已发布的网站未改动（dist/ 保持原样）。');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('reports a swap that the file system refuses and leaves the site as it was', async () => {
    const odd = { ...paths, distDir: join(dir, 'missing-parent', 'dist') };
    const r = await publish(odd, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(1);
    expect(logs.at(-1)).toMatch(/^发布失败。已发布的网站未改动/);
    expect(existsSync(odd.distDir)).toBe(false);
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('waits for another live build holding the lock, then gives up without touching dist', async () => {
    mkdirSync(join(dir, '.cache'), { recursive: true });
    writeFileSync(join(dir, '.cache', 'build.lock'), String(process.ppid));
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')), { lockWaitMs: 600 });
    expect(r.exitCode).toBe(1);
    expect(logs).toEqual([
      '另一个构建正在进行，等它结束……',
      '另一个构建正在进行（见 .cache/build.lock），请等它结束后再运行。已发布的网站未改动（dist/ 保持原样）。',
    ]);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('starts once the other build releases the lock', async () => {
    mkdirSync(join(dir, '.cache'), { recursive: true });
    writeFileSync(join(dir, '.cache', 'build.lock'), String(process.ppid));
    setTimeout(() => rmSync(join(dir, '.cache', 'build.lock')), 300);
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')), { lockWaitMs: 10_000 });
    expect(r.exitCode).toBe(0);
  });

  it('takes over a lock left by a dead process', async () => {
    mkdirSync(join(dir, '.cache'), { recursive: true });
    writeFileSync(join(dir, '.cache', 'build.lock'), '999999999');
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(0);
  });
});

describe('rollback', () => {
  it('swaps dist with the previous site and the kept JSON with it; twice undoes it', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(576.2, '2026-01-02T00:00:00.000Z')));
    expect(rollback(paths, (l) => logs.push(l))).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('512.5');
    expect(readPublished(paths)?.summary.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(readFileSync(join(dir, '.cache', 'data', 'summary.json'), 'utf8')).toContain('512.5');
    expect(rollback(paths, (l) => logs.push(l))).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('576.2');
  });

  it('says there is nothing to roll back to on a first publish', () => {
    expect(rollback(paths, (l) => logs.push(l))).toBe(1);
    expect(logs).toEqual(['没有可恢复的上一版（.cache/dist-previous/ 不存在）。网站未改动。']);
  });
});

describe('readPublished', () => {
  it('falls back to the live site summary when the kept JSON belongs to another publish', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    writeFileSync(join(dir, 'dist', 'data', 'summary.json'), JSON.stringify(summary(9, '2026-05-05T00:00:00.000Z')));
    const p = readPublished(paths);
    expect(p?.summary.generatedAt).toBe('2026-05-05T00:00:00.000Z');
    expect(p?.details).toBeNull();
  });
});

describe('formatTimings', () => {
  it('lists each step and the total in seconds with two decimals', () => {
    expect(formatTimings([{ step: '数据校验', seconds: 0.351 }, { step: '站点构建', seconds: 6.8 }])).toBe(
      '数据校验 0.35 s · 站点构建 6.80 s · 合计 7.15 s',
    );
  });
});
