// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync, existsSync } from 'node:fs';

// Base path and site URL come from the one config file admins edit (data/config.json);
// SITE_BASE / SITE_URL override them (used by the sub-path build test).
const cfgFile = new URL('./data/config.json', import.meta.url);
const cfg = existsSync(cfgFile) ? JSON.parse(readFileSync(cfgFile, 'utf8').replace(/^\uFEFF/, '')) : {};
const rawBase = process.env.SITE_BASE ?? cfg.base ?? '/';
const parts = String(rawBase).split('/').filter((p) => p.trim() !== '');
const base = parts.length === 0 ? '/' : `/${parts.join('/')}/`;

export default defineConfig({
  site: process.env.SITE_URL ?? cfg.site ?? 'http://localhost/',
  base,
  trailingSlash: 'ignore',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  build: { inlineStylesheets: 'never', format: 'directory' },
  vite: { build: { assetsInlineLimit: 0, reportCompressedSize: false } },
  devToolbar: { enabled: false },
});
