/** The site build step of publishing: `astro build` in a child process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

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

/** `astro build` in a child process (so an interrupt can stop it), with the staging data and output folders in its env. */
export function astroBuild({ root, dataDir, outDir, signal, verbose, env = {} }: BuildSiteOptions): Promise<void> {
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
