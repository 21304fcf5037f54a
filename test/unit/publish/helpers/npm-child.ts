/**
 * Started by parent-watch.test.ts through a real `npm run` (npm → sh → tsx → this), wired as scripts/build.ts
 * wires publish: a parent watch that aborts. The fake site build waits for the abort (up to 20 s), then
 * builds; so a build that is not stopped publishes, as the issue reproduced.
 * Usage: tsx npm-child.ts <project folder>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPaths, publish } from '../../../../src/lib/publish/publish.ts';
import { watchParents } from '../../../../src/lib/publish/parent-watch.ts';

const paths = defaultPaths(process.argv[2] as string);
const controller = new AbortController();
const parent = watchParents(() => controller.abort(), { intervalMs: 100 });
const result = await publish(
  paths,
  {
    async runData(_d, outDir) {
      const generatedAt = '2026-01-02T00:00:00.000Z';
      const summary = { schemaVersion: 1 as const, generatedAt, years: [], latestYear: null, metrics: {}, honors: { streak: { title: '双拥模范城', years: 0, through: null } } };
      const details = { schemaVersion: 1 as const, generatedAt, files: [], breakdowns: {}, honors: [], indicators: [] };
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary));
      writeFileSync(join(outDir, 'details.json'), JSON.stringify(details));
      return { ok: true, issues: [], summary, details };
    },
    async buildSite({ outDir, signal }) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 20_000);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'index.html'), 'new');
    },
    log: (l) => console.log(l),
  },
  { signal: controller.signal, parentGone: parent.gone },
);
process.exit(result.exitCode);
