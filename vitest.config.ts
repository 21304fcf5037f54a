/// <reference types="vitest" />
import { getViteConfig } from 'astro/config';

// Deterministic runs: China Standard Time whatever the machine says.
process.env.TZ = 'Asia/Shanghai';

export default getViteConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 300_000,
    pool: 'forks',
    projects: [
      // Pure functions and components: in parallel, first.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      // Whole-site builds, the dev server and Chromium: one file at a time after the unit tests,
      // because Astro builds in one checkout share its .astro/ folder and would trip over each other.
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
