// @ts-check
import { defineConfig } from 'astro/config';
import { readConfig } from './src/lib/shared/config.ts';

// Base path and site URL come from the one config file admins edit (data/config.json, or SITE_CONFIG_DIR's), read
// by the data step's own reader. It never throws: a broken file gives the defaults here, and the data step, which
// runs before every build and dev server, reports it at its line and column. SITE_BASE / SITE_URL override both.
const cfg = readConfig();

export default defineConfig({
  site: cfg.site,
  base: cfg.base,
  trailingSlash: 'ignore',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  build: { inlineStylesheets: 'never', format: 'directory' },
  vite: { build: { assetsInlineLimit: 0, reportCompressedSize: false } },
  devToolbar: { enabled: false },
});
