// Runs a TypeScript CLI script in plain Node: esbuild bundles scripts/<name>.ts (our code only; packages stay
// external) into .cache/bin/<name>.mjs, then it is imported. Against a TypeScript loader (tsx) this saves about
// 0.4 s of start-up and ~35 MB of memory per run, which is most of what `npm run check` costs.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[\w-]+(\/[\w-]+)*$/.test(name)) {
  process.stderr.write('用法：node scripts/run.mjs <脚本名> [参数…]\n');
  process.exit(2);
}
const outfile = join(root, '.cache', 'bin', `${name.replaceAll('/', '__')}.mjs`);
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'scripts', `${name}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
// The script reads its own arguments after the script name.
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
