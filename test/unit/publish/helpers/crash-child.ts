/**
 * Run by swap.test.ts in its own process: publish (fake data step and site build) or roll back in the project
 * folder given, and kill this process with SIGKILL right after rename number N of the swap, the way a power
 * cut or `kill -9` would stop it: no handler, no finally runs.
 * Usage: node --import tsx crash-child.ts <root> <publish|rollback> <N> <marker>
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPaths, publish, rollback } from '../../../../src/lib/publish/publish.ts';
import type { PublishDeps, PublishIo } from '../../../../src/lib/publish/publish.ts';

const [root, action, n, marker] = process.argv.slice(2) as [string, 'publish' | 'rollback', string, string];
const paths = defaultPaths(root);
let renames = 0;
const io: Partial<PublishIo> = {
  rename(from, to) {
    renameSync(from, to);
    // Only the swap's renames count (not the journal's own tmp → final rename, nor JSON copies).
    if (from.endsWith('.tmp') || from.includes('.tmp-')) return;
    if (++renames === Number(n)) process.kill(process.pid, 'SIGKILL');
  },
};
const deps: PublishDeps = {
  async runData(_dataDir, outDir) {
    const generatedAt = new Date().toISOString();
    const summary = { schemaVersion: 1 as const, generatedAt, years: [], latestYear: null, metrics: {}, honors: { streak: { title: '双拥模范城', years: 0, through: null } } };
    const details = { schemaVersion: 1 as const, generatedAt, files: [], breakdowns: {}, honors: [], indicators: [] };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary));
    writeFileSync(join(outDir, 'details.json'), JSON.stringify(details));
    return { ok: true, issues: [], summary, details };
  },
  async buildSite({ dataDir, outDir }) {
    mkdirSync(join(outDir, 'data'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), marker);
    writeFileSync(join(outDir, 'data', 'summary.json'), readFileSync(join(dataDir, 'summary.json')));
  },
  log: () => {},
  io,
};
if (action === 'publish') await publish(paths, deps);
else rollback(paths, () => {}, io);
