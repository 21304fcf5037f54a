/**
 * Site configuration: one JSON file (`data/config.json`) normalised into one typed object. Read like the CSVs
 * (UTF-8 with or without BOM, or GB18030 as Notepad saves "ANSI" on Chinese Windows); a problem is an Issue at
 * its line and column, printed by the data step like any CSV error, so `check`, `build` and `dev` show the same line.
 */
import { join } from 'node:path';
import { decodeTextFile } from '../data/read/decode.ts';
import type { Issue, Severity } from '../data/issues.ts';
import { parseJson, type TextPosition } from './parse-json.ts';

export interface SiteConfig {
  /** District name shown in the top bar and sentences. Default 示例区. */
  district: string;
  /** Site title. Default 党管武装与双拥工作统计. */
  siteTitle: string;
  /** Text an honor title must contain to count towards the streak (contract §3). Default 双拥模范城. */
  streakTitle: string;
  /** Base path the site is served under, with leading and trailing slash. Default `/`. */
  base: string;
  /** Absolute site URL for sitemap and Open Graph; default `http://localhost/`. */
  site: string;
  /** Publisher named on every 数据来源 line. Default `<district>党管武装工作领导小组办公室`. */
  source: string;
  /** True while the data folder holds illustrative sample data; pages then show a 示例数据 notice. Default false. */
  sampleData: boolean;
}

export const CONFIG_FILE = 'config.json';

/** The keys config.json may hold and the JSON type each needs (`url`: text starting with http:// or https://). */
export const CONFIG_KEYS = {
  district: 'text',
  siteTitle: 'text',
  streakTitle: 'text',
  base: 'text',
  site: 'url',
  source: 'text',
  sampleData: 'boolean',
} as const satisfies Record<keyof SiteConfig, 'text' | 'url' | 'boolean'>;

/** Problems with config.json beyond its JSON syntax (those come from parse-json.ts), printed after `错误: `. */
export const CONFIG_MESSAGES = {
  not_object: { zh: '应为一个 JSON 对象（以“{”开头、“}”结尾，里面是 "设置项": 值），实际为{found}', en: 'the file must hold one JSON object' },
  text_type: { zh: '设置项“{key}”应为用英文双引号括起的文字，实际为{found}', en: 'the value must be a string' },
  boolean_type: { zh: '设置项“{key}”应为 true 或 false（不加引号），实际为{found}', en: 'the value must be true or false' },
  url_format: { zh: '设置项“{key}”应为以 http:// 或 https:// 开头的完整网址，实际为“{value}”', en: 'the value must be an http(s) URL' },
  repeated_key: { zh: '设置项“{key}”重复出现（第 {line} 行已有）：只能保留一个', en: 'the same key twice' },
  unknown_key: { zh: '未知的设置项“{key}”，已忽略；可用的设置项：{keys}', en: 'unknown key, ignored' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ConfigCode = keyof typeof CONFIG_MESSAGES;

/** Normalise a base path to `/x/y/` form; empty input gives `/`. */
export function normalizeBase(base: string): string {
  const parts = base.split('/').filter((p) => p.trim() !== '');
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
}

/** Turn loose JSON into a SiteConfig; unknown keys are ignored, wrong types fall back to defaults (loadConfig reports them). */
export function normalizeConfig(input: unknown): SiteConfig {
  const o = (input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const district = str(o.district, '示例区');
  return {
    district,
    siteTitle: str(o.siteTitle, '党管武装与双拥工作统计'),
    streakTitle: str(o.streakTitle, '双拥模范城'),
    base: normalizeBase(str(process.env.SITE_BASE, str(o.base, '/'))),
    site: str(process.env.SITE_URL, str(o.site, 'http://localhost/')),
    source: str(o.source, `${district}党管武装工作领导小组办公室`),
    sampleData: o.sampleData === true,
  };
}

/** A JSON value in words, for messages: `数字 5`, `true`, `文字“是”`, `数组`, `对象`, `null`. */
function describe(v: unknown): string {
  if (v === null) return ' null';
  if (typeof v === 'string') return `文字“${v}”`;
  if (typeof v === 'number') return `数字 ${String(v)}`;
  if (typeof v === 'boolean') return ` ${String(v)}`;
  return Array.isArray(v) ? '数组（[…]）' : '对象（{…}）';
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export interface ConfigRead {
  config: SiteConfig;
  /** Problems found, as `file:line:column` issues; on any error the config is the defaults plus what was valid. */
  issues: Issue[];
}

/** Check parsed config text: one issue per wrong value, repeated or unknown key. */
export function checkConfigText(text: string, shownFile: string): ConfigRead {
  const issue = (severity: Severity, code: ConfigCode, at: TextPosition, params: Readonly<Record<string, string | number>>): Issue => ({
    severity, code: `config_${code}`, file: shownFile, line: at.line, column: at.column, message: fill(CONFIG_MESSAGES[code].zh, params),
  });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    const syntax: Issue = { severity: 'error', code: `json_${e.code}`, file: shownFile, line: e.line, column: e.column, message: e.message };
    return { config: normalizeConfig({}), issues: [syntax] };
  }
  const v = parsed.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return { config: normalizeConfig({}), issues: [issue('error', 'not_object', parsed.root, { found: describe(v) })] };
  }
  const issues: Issue[] = [];
  const valid: Record<string, unknown> = {};
  const known = Object.keys(CONFIG_KEYS);
  for (const [key, value] of Object.entries(v)) {
    const at = parsed.members.get(`/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)!;
    const kind = (CONFIG_KEYS as Record<string, 'text' | 'url' | 'boolean' | undefined>)[key];
    if (kind === undefined) {
      issues.push(issue('warning', 'unknown_key', at.key, { key, keys: known.join('、') }));
      continue;
    }
    if (kind === 'boolean' && typeof value !== 'boolean') {
      issues.push(issue('error', 'boolean_type', at.value, { key, found: describe(value) }));
      continue;
    }
    if (kind !== 'boolean' && typeof value !== 'string') {
      issues.push(issue('error', 'text_type', at.value, { key, found: describe(value) }));
      continue;
    }
    if (kind === 'url' && typeof value === 'string' && value.trim() !== '' && !/^https?:\/\/[^\s/]+/i.test(value.trim())) {
      issues.push(issue('error', 'url_format', at.value, { key, value }));
      continue;
    }
    valid[key] = value;
  }
  for (const r of parsed.repeated) {
    issues.push(issue('error', 'repeated_key', r.at.key, { key: r.key, line: r.first.key.line }));
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config: normalizeConfig(valid), issues };
}

/**
 * Read `<dataDir>/config.json` with every problem as an Issue naming `shownFile` (default the path itself);
 * a missing file gives the defaults and no issue.
 */
export function loadConfig(dataDir: string, shownFile: string = join(dataDir, CONFIG_FILE)): ConfigRead {
  const read = decodeTextFile(join(dataDir, CONFIG_FILE), shownFile);
  if ('absent' in read) return { config: normalizeConfig({}), issues: [] };
  if ('issue' in read) return { config: normalizeConfig({}), issues: [read.issue] };
  return checkConfigText(read.text, shownFile);
}

/**
 * The site config for pages, the build and astro.config.mjs: never throws; a broken file gives the defaults for
 * what is wrong, because the data step (which runs first in check, build and dev) reports it as an error.
 * Without an argument it reads the folder being published: SITE_CONFIG_DIR (set by build and dev) or `data`.
 */
export function readConfig(dataDir: string = process.env.SITE_CONFIG_DIR ?? 'data'): SiteConfig {
  return loadConfig(dataDir).config;
}
