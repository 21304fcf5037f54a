/**
 * Once per `vitest run` of the site project: one folder for every site built by the browser and build tests, so a
 * site is built once and shared by the files that need it, then removed when the run ends. Under `<root>/.cache/`
 * (git-ignored), not os.tmpdir(): Astro only removes its server chunks from an outDir inside the project, and
 * publishing renames staging into dist, which needs one file system.
 *
 * The sample site (site, pages and charts tests, test/build/publish.test.ts) starts building here, before any worker
 * exists: it takes the build lock first, so the browser files that need it are never queued behind the
 * sub-path or hostile build that a second worker asks for. Files wait for it on the lock and then read its result.
 * The hostile and sub-path sites follow (unless the command names test files), built while the first files browse,
 * instead of one after the other at the end of the run when their files start.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { HOSTILE_SITE, SUBPATH_SITE, buildSite, outsideFolder, publishSample } from './builds.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding this run's shared site builds. */
    e2eBuildDir: string;
  }
}

/**
 * True when the command line names test files (`vitest run test/e2e/site.test.ts`): then only the sample site is
 * built ahead, since the files run may not need the others.
 */
function namesFiles(args: readonly string[]): boolean {
  return args.some((a) => !a.startsWith('-') && a !== 'run');
}

export default function setup(project: TestProject): () => Promise<void> {
  const dir = join(ROOT, '.cache', `e2e-run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  project.provide('e2eBuildDir', dir);
  // Not awaited: the workers start meanwhile. A failed sample build is recorded (exit code and output) for the files to
  // report; a failed other build is left for its file to redo and report.
  const builds = (async () => {
    await publishSample(dir).catch(() => undefined);
    if (namesFiles(process.argv.slice(2))) return;
    for (const [key, data, base] of [HOSTILE_SITE, SUBPATH_SITE]) await buildSite(key, data, base, dir).catch(() => undefined);
  })();
  return async () => {
    await builds;
    rmSync(dir, { recursive: true, force: true });
    rmSync(outsideFolder(dir), { recursive: true, force: true });
  };
}
