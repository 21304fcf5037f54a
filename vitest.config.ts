/// <reference types="vitest" />
import { getViteConfig } from 'astro/config';

// Deterministic runs: China Standard Time whatever the machine says.
process.env.TZ = 'Asia/Shanghai';

export default getViteConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // The unit project's thread: one, since the two browser workers run beside it and the machine is then busy anyway
    // (alone, two threads finish the unit tests sooner: 27 s against 33 s; in npm test, 2m45 with one against 2m51 with
    // two, measured on 2 cores). The site project's forks: two browser files at once (see below).
    poolOptions: { threads: { minThreads: 1, maxThreads: 1 }, forks: { minForks: 1, maxForks: 2 } },
    projects: [
      // Pure functions and components, in worker threads that share one module graph (no per-file
      // isolation: Vite and Astro start once per worker, not once per file). Safe because unit tests keep no
      // state between files: no module mocks, no fake timers; the one test that sets process.env restores it.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          pool: 'threads',
          isolate: false,
        },
      },
      // Whole-site builds, the dev server and Chromium: two files at a time (three measured slower: 3m11 against 2m45,
      // the browsers then fight for 2 cores). Builds queue on one lock (test/e2e/builds.ts: builds of one checkout
      // share its .astro/ folder); the sample site is built first, from the global setup, so the files browsing it
      // start as soon as it is there while the sub-path and hostile sites build.
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // Same group as the unit tests, so they run beside each other: the browser tests mostly wait (builds under
          // the lock, Chromium painting), leaving a core for the unit threads (vitest 3m18 → 2m53, measured).
          sequence: { groupOrder: 0 },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
