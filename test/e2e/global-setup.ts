/**
 * Once per `vitest run` of the site project: one folder for every site built by the browser and build tests, so a
 * site is built once and shared by the files that need it, then removed when the run ends. Under `<root>/.cache/`
 * (git-ignored), not os.tmpdir(): Astro only removes its server chunks from an outDir inside the project, and
 * publishing renames staging into dist, which needs one file system.
 *
 * The sample site (site, pages and charts tests, test/build/publish.test.ts) starts building here, before any worker
 * exists: it takes the build lock first, so the browser files that need it are never queued behind the
 * sub-path or hostile build that a second worker asks for. Files wait for it on the lock and then read its result.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { publishSample } from './builds.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding this run's shared site builds. */
    e2eBuildDir: string;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const dir = join(ROOT, '.cache', `e2e-run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  project.provide('e2eBuildDir', dir);
  // Not awaited: the workers start meanwhile. A failed build is recorded (exit code and output) for the files to report.
  const sample = publishSample(dir).catch(() => undefined);
  return async () => {
    await sample;
    rmSync(dir, { recursive: true, force: true });
  };
}
