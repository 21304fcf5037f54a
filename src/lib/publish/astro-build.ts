/** The site build step of publishing: `astro build` in a child process. */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isAlive } from './proc.ts';

export interface BuildSiteOptions {
  root: string;
  /** The staged JSON the pages read (SITE_DATA_DIR). */
  dataDir: string;
  /** The staged site (ASTRO_OUT_DIR). */
  outDir: string;
  signal: AbortSignal;
  verbose: boolean;
  /** Extra environment for the build: base path, site URL and config folder of the data folder being published. */
  env?: Record<string, string>;
}

/** Tail of a long text, for build errors. */
function tail(text: string, lines: number): string {
  const all = text.trimEnd().split(/\r?\n/);
  return all.slice(-lines).join('\n');
}

/**
 * The environment without variables Vite reads as its own config: a BASE_URL inherited from a test runner
 * or a shell would override the configured base path and publish root-relative links.
 */
export function astroSafeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete out[k];
  return out;
}

/** True when `dir` lies inside `root`. */
function isInside(root: string, dir: string): boolean {
  const r = relative(resolve(root), resolve(dir));
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

/** Where an output folder outside the project is built first: `<root>/.cache/astro-out-<pid>-<time>`. */
const LOCAL_OUT = /^astro-out-(\d+)-\d+$/;

/** Remove local output folders of builds whose process is gone (a crash or a kill skips the clean-up). */
function removeStaleLocalOuts(cache: string): void {
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const m = LOCAL_OUT.exec(name);
    if (m && !isAlive(Number(m[1]))) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

/**
 * `astro build` into `outDir`. Astro 5 builds an output folder outside the project through `<root>/.astro/`, then
 * copies all of that folder into the site (its data store holding the config digest, settings.json, content modules)
 * and deletes it. So an output folder outside the project (a --cache-dir elsewhere, beside a dist on another disk) is
 * built inside the project's .cache first and then moved there (renamed, or copied when on another file system).
 */
export async function astroBuild(opts: BuildSiteOptions): Promise<void> {
  if (isInside(opts.root, opts.outDir)) return runAstroBuild(opts);
  const cache = join(opts.root, '.cache');
  removeStaleLocalOuts(cache);
  const local = join(cache, `astro-out-${process.pid}-${Date.now()}`);
  try {
    await runAstroBuild({ ...opts, outDir: local });
    mkdirSync(dirname(opts.outDir), { recursive: true });
    try {
      renameSync(local, opts.outDir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      cpSync(local, opts.outDir, { recursive: true });
    }
  } finally {
    rmSync(local, { recursive: true, force: true });
  }
}

/** `astro build` in a child process (so an interrupt can stop it), with the staging data and output folders in its env. */
function runAstroBuild({ root, dataDir, outDir, signal, verbose, env = {} }: BuildSiteOptions): Promise<void> {
  return new Promise((resolveBuild, reject) => {
    const bin = join(root, 'node_modules', 'astro', 'astro.js');
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: root,
      env: { ...astroSafeEnv(process.env), ...env, SITE_DATA_DIR: dataDir, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      const s = chunk.toString('utf8');
      output += s;
      if (verbose) process.stdout.write(s);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const onAbort = (): void => {
      child.kill('SIGTERM');
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      signal.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', onAbort);
      if (code === 0) resolveBuild();
      else reject(new Error(`astro build 退出码 ${code ?? sig}\n${tail(output, 40)}`));
    });
  });
}
