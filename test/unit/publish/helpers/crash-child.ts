/**
 * Run by swap.test.ts in its own process: publish (fake data step and site build) or roll back in the project
 * folder given, and kill this process with SIGKILL right after rename number N of the swap, the way a power
 * cut or `kill -9` would stop it: no handler, no finally runs.
 * Usage: node --import tsx crash-child.ts <root> <publish|rollback> <N> <marker>
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPaths, publish, rollback } from '../../../../src/lib/publish/publish.ts';
import type { PublishDeps } from '../../../../src/lib/publish/publish.ts';
import type { PublishIo } from '../../../../src/lib/publish/publish-io.ts';
import { emptyDataStep } from './empty-data-step.ts';

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
    return emptyDataStep(outDir, new Date().toISOString());
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
