import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPaths, publish, rollback, formatTimings, previousDistDir, readPublished } from '../../../src/lib/publish/publish.ts';
import type { PublishDeps, PublishIo, PublishPaths, DataStepResult } from '../../../src/lib/publish/publish.ts';
import type { DatasetId, Summary, Details } from '../../../src/lib/shared/types.ts';
import type { SiteManifest } from '../../../src/lib/publish/manifest.ts';
import type { Issue } from '../../../src/lib/data/issues.ts';
import { bootId, procStat } from '../../../src/lib/publish/proc.ts';
import type { LockRecord } from '../../../src/lib/publish/lock.ts';

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

const SINCE = '2026-03-02T02:15:02.000Z';
const children: ChildProcess[] = [];

/** A live process that is not this one (stands in for another build). */
async function sleeper(): Promise<{ pid: number }> {
  const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(c);
  await new Promise((r) => c.once('spawn', r));
  return { pid: c.pid as number };
}
function startOf(pid: number): string {
  const s = procStat(pid)?.start;
  if (s === undefined) throw new Error(`no /proc entry for ${pid}`);
  return s;
}
function writeLock(r: LockRecord): void {
  mkdirSync(join(dir, '.cache'), { recursive: true });
  writeFileSync(join(dir, '.cache', 'build.lock'), JSON.stringify(r));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'publish-'));
  mkdirSync(join(dir, 'data'));
  paths = defaultPaths(dir);
  logs = [];
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

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

  it('counts every error the data step found, not only the 100 per file it listed', async () => {
    const listed = async (): Promise<DataStepResult> => {
      const r = await dataStep(1, '2026-01-02T00:00:00.000Z', [BAD])('', '', '');
      return { ...r, counts: { errors: 250, warnings: 3 } };
    };
    const r = await publish(paths, deps(listed));
    expect(r.exitCode).toBe(1);
    expect(logs).toContain('发现 250 个错误，请按上面的 文件:行:列 逐一修改后重新运行 npm run build（可先用 npm run check 检查）。');
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

  it('waits for a live build holding the lock, names the file to delete by hand, then gives up without touching dist', async () => {
    const holder = await sleeper();
    writeLock({ pid: holder.pid, start: startOf(holder.pid), boot: bootId(), command: 'build', since: SINCE });
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')), { lockWaitMs: 600 });
    expect(r.exitCode).toBe(1);
    expect(logs).toEqual([
      `另一个构建正在进行（进程 ${holder.pid}，2026-03-02 10:15:02 开始），等它结束……如果确定没有构建在运行，可以删除 .cache/build.lock 后重新运行。`,
      `另一个构建仍在进行（进程 ${holder.pid}，2026-03-02 10:15:02 开始），本次构建没有开始。如果确定没有构建在运行，可以删除 .cache/build.lock 后重新运行。`,
      '已发布的网站未改动（dist/ 保持原样）。',
    ]);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(existsSync(join(dir, '.cache', 'build.lock'))).toBe(true);
  });

  it('starts once the other build releases the lock', async () => {
    const holder = await sleeper();
    writeLock({ pid: holder.pid, start: startOf(holder.pid), boot: bootId(), command: 'build', since: SINCE });
    setTimeout(() => rmSync(join(dir, '.cache', 'build.lock')), 300);
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')), { lockWaitMs: 10_000 });
    expect(r.exitCode).toBe(0);
    expect(logs[0]).toMatch(/^另一个构建正在进行（进程 \d+，2026-03-02 10:15:02 开始），等它结束……/);
  });

  it('breaks a lock left by a dead process and says so', async () => {
    writeLock({ pid: 999_999_999, start: '1', boot: bootId(), command: 'build', since: SINCE });
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(0);
    expect(logs[0]).toBe('已清除过期的构建锁 .cache/build.lock（进程 999999999 已不存在）。');
  });

  it('breaks a lock whose pid now belongs to another program (same pid, other start time)', async () => {
    writeLock({ pid: process.ppid, start: '1', boot: bootId(), command: 'build', since: SINCE });
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(0);
    expect(logs[0]).toBe(`已清除过期的构建锁 .cache/build.lock（进程号 ${process.ppid} 现在属于另一个程序，不是构建）。`);
  });

  it('breaks an old plain-pid lock whose live process is not a build', async () => {
    mkdirSync(join(dir, '.cache'), { recursive: true });
    writeFileSync(join(dir, '.cache', 'build.lock'), String(process.ppid));
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(0);
    expect(logs[0]).toBe(`已清除过期的构建锁 .cache/build.lock（进程号 ${process.ppid} 现在属于另一个程序，不是构建）。`);
  });

  it('breaks a lock written before the machine restarted', async () => {
    writeLock({ pid: process.ppid, start: startOf(process.ppid), boot: 'not-this-boot', command: 'build', since: SINCE });
    const r = await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    expect(r.exitCode).toBe(0);
    expect(logs[0]).toBe(`已清除过期的构建锁 .cache/build.lock（写入锁的进程 ${process.ppid} 在计算机重新启动之前）。`);
  });

  it('releases its lock and leaves no staging, journal or trash after a publish', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(576.2, '2026-01-02T00:00:00.000Z')));
    expect(readdirSync(join(dir, '.cache')).sort()).toEqual(['data', 'dist-previous', 'published', 'published-previous']);
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

  it('does not wait for a running build: says so, names the lock file, and changes nothing', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    const holder = await sleeper();
    writeLock({ pid: holder.pid, start: startOf(holder.pid), boot: bootId(), command: 'build', since: SINCE });
    logs = [];
    expect(rollback(paths, (l) => logs.push(l))).toBe(1);
    expect(logs).toEqual([
      `另一个构建正在进行（进程 ${holder.pid}，2026-03-02 10:15:02 开始），请等它结束后再回滚。如果确定没有构建在运行，可以删除 .cache/build.lock 后重新运行。网站未改动。`,
    ]);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
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

/** Rows and per-year values of the datasets a fake data step publishes; absent datasets have no file. */
type Spec = Partial<Record<DatasetId, { rows: number; byYear: Record<number, number> }>>;
const YEAR_METRIC: Record<DatasetId, string> = {
  funding: 'funding.total',
  militia_cases: 'militia.cases',
  training_sessions: 'training.participants',
  school_placements: 'school.requested',
  honors: 'honors.count',
  indicators: 'indicator:走访调研次数',
};

function specStep(spec: Spec, generatedAt: string): PublishDeps['runData'] {
  return async (_dataDir, outDir): Promise<DataStepResult> => {
    const s = summary(0, generatedAt);
    s.metrics = {};
    const years = new Set<number>();
    for (const [id, v] of Object.entries(spec) as [DatasetId, { rows: number; byYear: Record<number, number> }][]) {
      s.metrics[YEAR_METRIC[id]] = { label: id, unit: '', byYear: v.byYear, yoy: {} };
      for (const y of Object.keys(v.byYear)) years.add(Number(y));
    }
    s.years = [...years].sort();
    const d = details(generatedAt);
    d.files = (Object.keys(YEAR_METRIC) as DatasetId[]).map((id) => ({
      dataset: id, file: `data/${id}.csv`, present: spec[id] !== undefined, encoding: 'utf-8' as const,
      rows: spec[id]?.rows ?? 0, counted: spec[id]?.rows ?? 0, rejected: 0,
    }));
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'summary.json'), JSON.stringify(s));
    writeFileSync(join(outDir, 'details.json'), JSON.stringify(d));
    return { ok: true, issues: [], summary: s, details: d };
  };
}

const LIVE: Spec = {
  funding: { rows: 10, byYear: { 2024: 100, 2025: 120 } },
  militia_cases: { rows: 100, byYear: { 2025: 300 } },
  honors: { rows: 4, byYear: { 2023: 1, 2024: 1, 2025: 2 } },
};
const ENOSPC = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('shrink guard', () => {
  it('refuses a publish that removes a dataset, removes years or drops more than half of the rows: exit 1, dist byte-identical, no site build', async () => {
    expect((await publish(paths, deps(specStep(LIVE, '2026-01-01T00:00:00.000Z')))).exitCode).toBe(0);
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    let built = false;
    const r = await publish(
      paths,
      deps(specStep({ funding: { rows: 8, byYear: { 2025: 120 } }, militia_cases: { rows: 49, byYear: { 2025: 150 } } }, '2026-01-02T00:00:00.000Z'), async (o) => {
        built = true;
        await fakeSite(o);
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(logs).toEqual([
      '数据校验……',
      '与已发布的网站（dist/）相比，这次发布会删除数据：',
      '  经费投入（data/funding.csv）：将删除 2024 年的数据',
      '  民兵警民协防（data/militia_cases.csv）：数据行将减少一半以上（已发布 100 行，这次 49 行）',
      '  双拥荣誉（data/honors.csv）：整个数据集将从网站上删除（已发布 4 行，这次没有这个文件）',
      '如果多半是文件保存不完整或放错了文件夹，请检查 CSV 后重新运行 npm run build。',
      '如果确实要删除这些数据，请运行 npm run build -- --allow-removal 确认发布。',
      '构建已停止。已发布的网站未改动（dist/ 保持原样）。',
    ]);
    expect(built).toBe(false);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('publishes the same removal when the admin confirms it with allowRemoval, and lists what goes', async () => {
    await publish(paths, deps(specStep(LIVE, '2026-01-01T00:00:00.000Z')));
    logs = [];
    const r = await publish(paths, deps(specStep({ funding: { rows: 8, byYear: { 2025: 120 } }, militia_cases: LIVE.militia_cases }, '2026-01-02T00:00:00.000Z')), {
      allowRemoval: true,
    });
    expect(r.exitCode).toBe(0);
    expect(logs.slice(1, 4)).toEqual([
      '已按 --allow-removal 确认，这次发布会删除：',
      '  经费投入（data/funding.csv）：将删除 2024 年的数据',
      '  双拥荣誉（data/honors.csv）：整个数据集将从网站上删除（已发布 4 行，这次没有这个文件）',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', '.publish-manifest.json'), 'utf8')) as SiteManifest;
    expect(manifest.datasets.find((d) => d.dataset === 'funding')).toEqual({ dataset: 'funding', file: 'data/funding.csv', present: true, rows: 8, years: [2025] });
  });

  it('lets exactly half of the rows go, and more rows or new years through, without confirmation', async () => {
    await publish(paths, deps(specStep(LIVE, '2026-01-01T00:00:00.000Z')));
    const r = await publish(
      paths,
      deps(specStep({ ...LIVE, militia_cases: { rows: 50, byYear: { 2025: 150 } }, funding: { rows: 30, byYear: { 2023: 1, 2024: 100, 2025: 120 } } }, '2026-01-02T00:00:00.000Z')),
    );
    expect(r.exitCode).toBe(0);
  });

  it('compares with the summary.json of a site published before manifests existed (years only)', async () => {
    await publish(paths, deps(specStep(LIVE, '2026-01-01T00:00:00.000Z')));
    rmSync(join(dir, 'dist', '.publish-manifest.json'));
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    const r = await publish(paths, deps(specStep({ ...LIVE, honors: { rows: 4, byYear: { 2024: 1, 2025: 3 } } }, '2026-01-02T00:00:00.000Z')));
    expect(r.exitCode).toBe(1);
    expect(logs[2]).toBe('  双拥荣誉（data/honors.csv）：将删除 2023 年的数据');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });
});

describe('publishing under faults', () => {
  it('stops before the swap when the npm that started it has gone: exit 130, dist byte-identical', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    let gone: string | null = null;
    const r = await publish(
      paths,
      deps(dataStep(576.2, '2026-01-02T00:00:00.000Z'), async (o) => {
        await fakeSite(o);
        gone = '启动本次构建的 npm（进程 4242）已经退出';
      }),
      { parentGone: () => gone },
    );
    expect(r.exitCode).toBe(130);
    expect(logs.at(-1)).toBe('启动本次构建的 npm（进程 4242）已经退出，构建已停止。已发布的网站未改动（dist/ 保持原样）。');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(join(dir, '.cache')).filter((n) => /^(staging|trash)-|journal|lock/.test(n))).toEqual([]);
  });

  it('says in Chinese that the new site is live, and exits 3, when the disk is full writing build-report.txt', async () => {
    await publish(paths, deps(dataStep(512.5, '2026-01-01T00:00:00.000Z')));
    const reportBefore = readFileSync(join(dir, 'build-report.txt'), 'utf8');
    logs = [];
    const full: Partial<PublishIo> = {
      writeFile: (file, text) => {
        if (file.endsWith('build-report.txt.tmp')) throw ENOSPC();
        writeFileSync(file, text);
      },
    };
    const r = await publish(paths, { ...deps(dataStep(576.2, '2026-01-02T00:00:00.000Z')), io: full });
    expect(r.exitCode).toBe(3);
    expect(logs.slice(-4, -1)).toEqual([
      '新网站已经发布并生效，dist/ 已是新版本；但以下步骤没有完成：',
      '  写入变更报告 build-report.txt（报告内容见上）：磁盘空间已满（ENOSPC）',
      '请解决上面的问题（例如腾出磁盘空间）后再运行一次；网站本身不受影响。',
    ]);
    expect(logs.at(-1)).toMatch(/^用时：数据校验 /);
    expect(logs).toContain('  2025 经费投入: 512.50 → 576.20 万元 (+12.4%)');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('576.2');
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toBe(reportBefore);
    expect(existsSync(join(dir, 'build-report.txt.tmp'))).toBe(false);
  });

  it('says the new site is live and exits 3 when deleting the older version fails half-way; the kept previous stays complete and the leftover goes next time', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    logs = [];
    const halfRemove: Partial<PublishIo> = {
      remove: (path) => {
        if (/trash-/.test(path)) {
          rmSync(join(path, 'index.html'));
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        }
        rmSync(path, { recursive: true, force: true });
      },
    };
    const r = await publish(paths, { ...deps(dataStep(3, '2026-01-03T00:00:00.000Z')), io: halfRemove });
    expect(r.exitCode).toBe(3);
    expect(logs).toContain('新网站已经发布并生效，dist/ 已是新版本；但以下步骤没有完成：');
    expect(logs.find((l) => l.startsWith('  删除更早的一版'))).toMatch(/^ {2}删除更早的一版 \.cache\/trash-\d+-\d+\/（下次构建会再删除）：没有权限（EACCES）$/);
    expect(readFileSync(join(previousDistDir(paths), 'index.html'), 'utf8')).toContain('2026-01-02');
    expect(rollback(paths, (l) => logs.push(l))).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('2026-01-02');
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('trash-'))).toEqual([]);
  });

  it('names a full disk in Chinese when the site build fails on it, and changes nothing', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    const r = await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z'), async () => {
      throw new Error('astro build 退出码 1\n18:38:19   ├─ /downloads/militia-case-type.csvENOSPC: no space left on device, write');
    }));
    expect(r.exitCode).toBe(1);
    expect(logs.at(-1)).toBe('站点构建失败：磁盘空间已满（ENOSPC）。已发布的网站未改动（dist/ 保持原样）。');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('hands a bug (not a file-system error) before the swap on to the command wrapper, after saying dist is unchanged and cleaning up', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    await expect(publish(paths, deps(async () => { throw bug; }))).rejects.toBe(bug);
    expect(logs).toEqual(['数据校验……', '构建未完成。已发布的网站未改动（dist/ 保持原样）。']);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(join(dir, '.cache')).filter((n) => /^staging-|lock/.test(n))).toEqual([]);
  });

  it('says why in Chinese when the data step meets a file-system error', async () => {
    logs = [];
    const r = await publish(paths, deps(async () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); }));
    expect(r.exitCode).toBe(1);
    expect(logs).toEqual(['数据校验……', '数据处理出错：没有权限（EACCES）', '构建未完成。已发布的网站未改动（dist/ 保持原样）。']);
  });

  it('changes nothing and says so in Chinese when the disk is full writing the manifest before the swap', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    const full: Partial<PublishIo> = {
      writeFile: (file) => {
        if (file.endsWith('.publish-manifest.json')) throw ENOSPC();
      },
    };
    const r = await publish(paths, { ...deps(dataStep(2, '2026-01-02T00:00:00.000Z')), io: full });
    expect(r.exitCode).toBe(1);
    expect(logs.slice(-2)).toEqual(['无法写入发布清单 .publish-manifest.json：磁盘空间已满（ENOSPC）', '发布失败。已发布的网站未改动（dist/ 保持原样）。']);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('undoes the renames already made when one of the swap renames fails, leaving dist as it was', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    const before = snapshot(join(dir, 'dist'));
    const prevBefore = snapshot(previousDistDir(paths));
    logs = [];
    let failed = false;
    const busy: Partial<PublishIo> = {
      rename: (from, to) => {
        if (to === join(dir, 'dist') && !failed && (failed = true)) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
        renameSync(from, to);
      },
    };
    const r = await publish(paths, { ...deps(dataStep(3, '2026-01-03T00:00:00.000Z')), io: busy });
    expect(r.exitCode).toBe(1);
    expect(logs.at(-2)).toBe(`无法替换 dist/：文件或文件夹正被其他程序占用（EBUSY）`);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(snapshot(previousDistDir(paths))).toEqual(prevBefore);
    expect(existsSync(join(dir, '.cache', 'swap-journal.json'))).toBe(false);
  });

  it('repairs, at the next start, a swap cut between its renames: the site that was live is back in dist', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    const live = snapshot(join(dir, 'dist'));
    const prev = snapshot(previousDistDir(paths));
    // The state a crash leaves after the second of three renames: journal written, no dist at all.
    const cache = join(dir, '.cache');
    const staged = join(cache, 'staging-1-1', 'dist');
    mkdirSync(staged, { recursive: true });
    writeFileSync(join(staged, 'index.html'), 'new');
    const moves = [
      { from: previousDistDir(paths), to: join(cache, 'trash-1-1') },
      { from: join(dir, 'dist'), to: previousDistDir(paths) },
      { from: staged, to: join(dir, 'dist') },
    ];
    writeFileSync(join(cache, 'swap-journal.json'), JSON.stringify({ action: 'publish', moves }));
    renameSync(moves[0]!.from, moves[0]!.to);
    renameSync(moves[1]!.from, moves[1]!.to);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    logs = [];
    expect(rollback(paths, (l) => logs.push(l))).toBe(0);
    expect(logs[0]).toBe('上次发布在替换网站的过程中被中断（进程被终止或断电）：已恢复为中断前的网站 dist/。');
    // Repaired first (live back in dist, previous back in place), then rolled back: the two swapped.
    expect(snapshot(join(dir, 'dist'))).toEqual(prev);
    expect(snapshot(previousDistDir(paths))).toEqual(live);
  });
});

describe('rollback checks the previous version', () => {
  it('refuses a previous version with a missing file (a deletion that failed half-way): exit 1, dist byte-identical', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    rmSync(join(previousDistDir(paths), 'data', 'summary.json'));
    const before = snapshot(join(dir, 'dist'));
    logs = [];
    expect(rollback(paths, (l) => logs.push(l))).toBe(1);
    expect(logs).toEqual(['不能回滚：上一版（.cache/dist-previous/）不完整，缺少 1 个文件（如 data/summary.json）。网站未改动。']);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('refuses a previous version whose files changed since it was published', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    writeFileSync(join(previousDistDir(paths), 'index.html'), '');
    rmSync(join(previousDistDir(paths), 'data', 'summary.json'));
    logs = [];
    expect(rollback(paths, (l) => logs.push(l))).toBe(1);
    expect(logs).toEqual(['不能回滚：上一版（.cache/dist-previous/）不完整，缺少 1 个文件（如 data/summary.json），1 个文件与发布时不同（如 index.html）。网站未改动。']);
  });

  it('refuses a previous version without a manifest, which cannot be proved complete', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    rmSync(join(previousDistDir(paths), '.publish-manifest.json'));
    logs = [];
    expect(rollback(paths, (l) => logs.push(l))).toBe(1);
    expect(logs).toEqual(['不能回滚：上一版（.cache/dist-previous/）没有发布清单 .publish-manifest.json，无法确认它是完整的。网站未改动。']);
  });

  it('says the restored site is live and exits 3 when refreshing the preview data fails after the swap', async () => {
    await publish(paths, deps(dataStep(1, '2026-01-01T00:00:00.000Z')));
    await publish(paths, deps(dataStep(2, '2026-01-02T00:00:00.000Z')));
    logs = [];
    const code = rollback(paths, (l) => logs.push(l), { copyFile: () => { throw ENOSPC(); } });
    expect(code).toBe(3);
    expect(logs).toEqual([
      '已恢复上一版网站并生效，dist/ 已是新版本；但以下步骤没有完成：',
      '  更新 npm run dev 预览用的数据 .cache/data/：磁盘空间已满（ENOSPC）',
      '请解决上面的问题（例如腾出磁盘空间）后再运行一次；网站本身不受影响。',
    ]);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('2026-01-01');
  });
});
