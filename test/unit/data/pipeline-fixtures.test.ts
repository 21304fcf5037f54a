import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureOutputs, fixturesDir } from '../../../src/lib/cli/fixtures-command.ts';

const root = fixturesDir(join(import.meta.dirname, '..', '..', '..'));

// Each case's golden errors.txt / summary.json, byte for byte; `npm run fixtures -- --diff` shows any difference.
describe('data step on fixture folders', () => {
  const golden = readdirSync(root).filter((n) => existsSync(join(root, n, 'errors.txt')) || existsSync(join(root, n, 'summary.json')));
  for (const name of golden) {
    it(`gives exactly the stored golden files for ${name}`, async () => {
      const fresh = await fixtureOutputs(join(root, name));
      for (const [file, text] of fresh) expect(text, `${name}/${file}`).toBe(readFileSync(join(root, name, file), 'utf8'));
      expect(fresh.size).toBeGreaterThan(0);
      if (fresh.has('errors.txt')) expect(fresh.get('errors.txt')).toMatch(/: 错误: /);
    });
  }

  it('has a golden file for every fixture but the two that feed other tests (canary, hostile)', () => {
    expect(readdirSync(root).filter((n) => !golden.includes(n)).sort()).toEqual(['canary', 'hostile']);
  });
});
