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
      // Pure functions and components: first, in worker threads that share one module graph (no per-file
      // isolation: Vite and Astro start once per worker, not once per file). Safe because unit tests keep no
      // state between files: no module mocks, no fake timers; the one test that sets process.env restores it.
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 }, pool: 'threads', isolate: false },
      },
      // Whole-site builds, the dev server and Chromium: one file at a time after the unit tests. Two at once was
      // slower on 2 cores (3m26 against 2m54, measured): Chromium and the builds compete for the same CPUs. Astro also
      // runs under a lock (test/e2e/harness.ts): builds and the dev server of one checkout share its .astro/ folder.
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          // One folder per run for the sites the files build; each site is built once and shared (harness.ts).
          globalSetup: ['test/e2e/global-setup.ts'],
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
