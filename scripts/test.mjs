// npm test: the type check (astro check, about 20 s of one core) runs beside the Vitest suite instead of before it;
// its output is held back and printed after Vitest's, so the two never interleave. Exit status: the first failure's.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const children = new Set();

function run(cmd, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    children.add(child);
    let out = '';
    if (capture) for (const s of [child.stdout, child.stderr]) s.on('data', (d) => (out += d));
    child.on('error', (e) => ((out += `${e.message}\n`), resolve({ code: 2, out })));
    child.on('close', (code, signal) => (children.delete(child), resolve({ code: code ?? (signal ? 130 : 1), out })));
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => children.forEach((c) => c.kill(sig)));

const check = run(bin('astro'), ['check', '--minimumSeverity', 'error'], true);
const tests = await run(bin('vitest'), ['run', ...process.argv.slice(2)], false);
const typecheck = await check;
process.stdout.write(`\n── 类型检查（astro check）──\n${typecheck.out}`);
if (typecheck.code !== 0) process.stdout.write('类型检查未通过。\n');
process.exit(typecheck.code !== 0 ? typecheck.code : tests.code);
