/** Where publishing reads and writes: the project's folders and the cache's kept versions, and how messages show a path. */
import { join, relative, resolve, sep } from 'node:path';

/** Every path publishing touches; all absolute. `distDir` and `cacheDir` must be on one file system (renames). */
export interface PublishPaths {
  /** Project root, where astro.config.mjs and src/ live. */
  root: string;
  /** The CSV folder (default `<root>/data`). */
  dataDir: string;
  /** The published site (default `<root>/dist`). */
  distDir: string;
  /** Staging, the previous site and the last published JSON (default `<root>/.cache`). */
  cacheDir: string;
  /** Where the site reads JSON in `astro dev` and later builds (default `<root>/.cache/data`). */
  siteDataDir: string;
  /** The change report file, never under dist (default `<root>/build-report.txt`). */
  reportFile: string;
}

/** The default paths for a project root; `dataDir` may be overridden by `--data-dir`. */
export function defaultPaths(root: string, overrides: Partial<PublishPaths> = {}): PublishPaths {
  const r = resolve(root);
  const cacheDir = overrides.cacheDir ? resolve(overrides.cacheDir) : join(r, '.cache');
  return {
    root: r,
    dataDir: overrides.dataDir ? resolve(overrides.dataDir) : join(r, 'data'),
    distDir: overrides.distDir ? resolve(overrides.distDir) : join(r, 'dist'),
    cacheDir,
    siteDataDir: overrides.siteDataDir ? resolve(overrides.siteDataDir) : join(r, '.cache', 'data'),
    reportFile: overrides.reportFile ? resolve(overrides.reportFile) : join(r, 'build-report.txt'),
  };
}

/** The previous site, kept for rollback (`<cache>/dist-previous`). */
export function previousDistDir(p: PublishPaths): string {
  return join(p.cacheDir, 'dist-previous');
}
/** JSON of the last successful publish, for the change report (`<cache>/published`). */
export function publishedDir(p: PublishPaths): string {
  return join(p.cacheDir, 'published');
}
export function publishedPreviousDir(p: PublishPaths): string {
  return join(p.cacheDir, 'published-previous');
}

/** The path shown in messages: relative to the project root when inside it (`data/funding.csv`), else as given. */
export function shownFrom(root: string, path: string): string {
  const r = relative(root, path);
  return r === '' ? '.' : r.startsWith('..') ? path : r.split(sep).join('/');
}

/** The path shown in messages of a publish (see shownFrom). */
export function shown(p: PublishPaths, path: string): string {
  return shownFrom(p.root, path);
}

export const lockFile = (p: PublishPaths): string => join(p.cacheDir, 'build.lock');

/** `如果确定没有构建在运行，可以删除 .cache/build.lock 后重新运行。` */
export function byHand(p: PublishPaths): string {
  return `如果确定没有构建在运行，可以删除 ${shown(p, lockFile(p))} 后重新运行。`;
}
