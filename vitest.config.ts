/// <reference types="vitest" />
import { getViteConfig } from 'astro/config';

// Deterministic runs: China Standard Time whatever the machine says.
process.env.TZ = 'Asia/Shanghai';

export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
