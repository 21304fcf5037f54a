/**
 * The README's "安装时的警告" section, kept honest: the only packages of the lock file whose `engines.node` excludes
 * Node 20 are the two it explains, and the reasons it gives for their being harmless still hold.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
/** The Node version the project supports (package.json engines: >=20.3); the oldest 20.x the README promises. */
const NODE_20 = [20, 20, 2] as const;

type Version = readonly [number, number, number];
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `v` satisfies one npm range such as `^20.19.0 || >=22.12.0`, `>= 14`, `6.* || 8.*`, `*` (the forms in our lock file). */
function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|=)\s+/g, '$1')
      .split(/\s+/)
      .every((c) => {
        if (c === '' || c === '*') return true;
        const m = /^(>=|<=|>|<|\^|~|=)?v?(\d+|\*)(?:\.(\d+|\*))?(?:\.(\d+|\*))?$/.exec(c);
        if (!m) throw new Error(`unknown range ${range}`);
        const parts = [m[2], m[3], m[4]].map((p) => (p === undefined || p === '*' ? null : Number(p)));
        const given = parts.findIndex((p) => p === null);
        const n = given === -1 ? 3 : given;
        const low: Version = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
        const op = m[1] ?? '';
        if (op === '>=') return cmp(v, low) >= 0;
        if (op === '>') return cmp(v, low) > 0;
        if (op === '<') return cmp(v, low) < 0;
        if (op === '<=') return cmp(v, low) <= 0;
        if (op === '^') return v[0] === low[0] && cmp(v, low) >= 0;
        if (op === '~') return v[0] === low[0] && (n < 2 || v[1] === low[1]) && cmp(v, low) >= 0;
        return v.slice(0, n).every((x, i) => x === low[i]);
      }),
  );
}

describe('engine warnings of npm ci on Node 20', () => {
  it('reads npm ranges as npm does, for the forms in the lock file', () => {
    expect(satisfies(NODE_20, '>=20.3')).toBe(true);
    expect(satisfies(NODE_20, '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies(NODE_20, '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies(NODE_20, '20 || >=22')).toBe(true);
    expect(satisfies(NODE_20, '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies(NODE_20, '>=22.19.0')).toBe(false);
    expect(satisfies(NODE_20, '^20.21.0')).toBe(false);
    expect(satisfies(NODE_20, '~20.19')).toBe(false);
  });

  it('come only from nanoid 6 under docx and undici 8, the two the README explains', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && typeof p.engines.node === 'string' && !satisfies(NODE_20, p.engines.node))
      .map(([path, p]) => `${path}@${p.version}`);
    expect(refused).toEqual(['node_modules/docx/node_modules/nanoid@6.0.2', 'node_modules/undici@8.13.1']);
  });

  it('are harmless: docx ships its nanoid code inside its own files, and undici is only loaded for Astro fonts, which the site does not use', () => {
    for (const file of ['index.mjs', 'index.cjs', 'index.umd.cjs']) {
      const text = readFileSync(join(root, 'node_modules', 'docx', 'dist', file), 'utf8');
      expect(text, file).not.toMatch(/(from|require\(|import\()\s*["']nanoid/);
    }
    const unifont = readFileSync(join(root, 'node_modules', 'unifont', 'dist', 'index.mjs'), 'utf8');
    // One dynamic import, in the proxy set-up of its remote font fetches; no static import that would load it with unifont.
    expect([...unifont.matchAll(/["']undici["']/g)].map((m) => unifont.slice(m.index - 7, m.index))).toEqual(['import(']);
    expect(readFileSync(join(root, 'astro.config.mjs'), 'utf8')).not.toMatch(/fonts/);
  });
});
