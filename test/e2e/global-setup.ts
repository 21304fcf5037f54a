/**
 * Once per `vitest run` of the site project: one folder for every site built by the browser and build tests, so a
 * site is built once and shared by the files that need it (the sample site by site.test.ts and
 * test/build/publish.test.ts), then removed when the run ends. Under `<root>/.cache/` (git-ignored), not
 * os.tmpdir(): Astro only removes its server chunks from an outDir inside the project, and publishing renames
 * staging into dist, which needs one file system.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding this run's shared site builds. */
    e2eBuildDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = join(ROOT, '.cache', `e2e-run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  project.provide('e2eBuildDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
