import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { loadConfig, normalizeConfig, readConfig } from '../../../src/lib/shared/config.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.SITE_BASE;
  delete process.env.SITE_URL;
});

/** A data folder whose config.json holds `content` (text as UTF-8, or raw bytes). */
function folder(content?: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'config-'));
  dirs.push(dir);
  if (content !== undefined) writeFileSync(join(dir, 'config.json'), content);
  return dir;
}

/** The printed lines for a config.json holding `text`, named data/config.json. */
function lines(text: string): string[] {
  return loadConfig(folder(text), 'data/config.json').issues.map(formatIssue);
}

const DEFAULTS = normalizeConfig({});

describe('loadConfig', () => {
  it('gives the defaults and no issue when there is no config.json', () => {
    expect(loadConfig(folder(), 'data/config.json')).toEqual({ config: DEFAULTS, issues: [] });
    expect(DEFAULTS).toEqual({
      district: '示例区',
      siteTitle: '党管武装与双拥工作统计',
      streakTitle: '双拥模范城',
      base: '/',
      site: 'http://localhost/',
      source: '示例区党管武装工作领导小组办公室',
      sampleData: false,
    });
  });

  it('reads a GB18030 file as Notepad saves "ANSI" on Chinese Windows, with correct Chinese', () => {
    // {"district": "示例区", "siteTitle": "双拥工作统计"} encoded in GB18030.
    const gbk = Buffer.from('7b0a2020226469737472696374223a2022cabec0fdc7f8222c0a202022736974655469746c65223a2022cbabd3b5b9a4d7f7cdb3bcc6220a7d0a', 'hex');
    const r = loadConfig(folder(gbk), 'data/config.json');
    expect(r.issues).toEqual([]);
    expect(r.config.district).toBe('示例区');
    expect(r.config.siteTitle).toBe('双拥工作统计');
  });

  it('reads UTF-8 with a BOM, the BOM not counted in columns', () => {
    const r = loadConfig(folder('\uFEFF{"district": "东城区", "sampleData": "是"}'), 'data/config.json');
    expect(r.config.district).toBe('东城区');
    expect(r.issues.map(formatIssue)).toEqual(['data/config.json:1:35: 错误: 设置项“sampleData”应为 true 或 false（不加引号），实际为文字“是”']);
  });

  it('reports a JSON syntax error as one file:line:column line and falls back to the defaults', () => {
    const r = loadConfig(folder('{\n  "district": "东城区"\n  "base": "/zt/"\n}\n'), 'data/config.json');
    expect(r.config).toEqual(DEFAULTS);
    expect(r.issues.map(formatIssue)).toEqual([
      'data/config.json:3:3: 错误: 不是合法的 JSON：此处应为英文逗号“,”或“}”，实际为“"”：上一行末尾是否少了逗号？',
    ]);
    expect(r.issues[0]!.code).toBe('json_missing_comma');
  });

  it('reports each value of the wrong type at the value, keeps the valid ones, and warns about an unknown key', () => {
    const text = [
      '{',
      '  "district": "东城区",',
      '  "siteTitle": 5,',
      '  "base": ["/zt/"],',
      '  "site": "www.example.gov.cn",',
      '  "sampleData": null,',
      '  "sampleDate": true',
      '}',
    ].join('\n');
    const r = loadConfig(folder(text), 'data/config.json');
    expect(r.issues.map(formatIssue)).toEqual([
      'data/config.json:3:16: 错误: 设置项“siteTitle”应为用英文双引号括起的文字，实际为数字 5',
      'data/config.json:4:11: 错误: 设置项“base”应为用英文双引号括起的文字，实际为数组（[…]）',
      'data/config.json:5:11: 错误: 设置项“site”应为以 http:// 或 https:// 开头的完整网址，实际为“www.example.gov.cn”',
      'data/config.json:6:17: 错误: 设置项“sampleData”应为 true 或 false（不加引号），实际为 null',
      'data/config.json:7:3: 警告: 未知的设置项“sampleDate”，已忽略；可用的设置项：district、siteTitle、streakTitle、base、site、source、sampleData',
    ]);
    expect(r.config).toEqual({ ...DEFAULTS, district: '东城区', source: '东城区党管武装工作领导小组办公室' });
  });

  it('reports a key written twice at its second place, naming the line of the first', () => {
    expect(lines('{\n  "base": "/",\n  "base": "/zt/"\n}')).toEqual(['data/config.json:3:3: 错误: 设置项“base”重复出现（第 2 行已有）：只能保留一个']);
  });

  it('reports a file that is not one JSON object at its first value', () => {
    expect(lines('\n  ["district", "东城区"]')).toEqual([
      'data/config.json:2:3: 错误: 应为一个 JSON 对象（以“{”开头、“}”结尾，里面是 "设置项": 值），实际为数组（[…]）',
    ]);
  });

  it('reports a dangling link, a link loop and a folder named config.json as unreadable, never as absent', () => {
    const dangling = folder();
    symlinkSync(join(dangling, 'nowhere.json'), join(dangling, 'config.json'));
    const loop = folder();
    symlinkSync(join(loop, 'config.json'), join(loop, 'config.json'));
    const dir = folder();
    mkdirSync(join(dir, 'config.json'));
    expect([dangling, loop, dir].map((d) => loadConfig(d, 'data/config.json').issues.map(formatIssue))).toEqual([
      ['data/config.json:1:1: 错误: 无法读取文件：这是一个链接（快捷方式），但它指向的文件不存在'],
      ['data/config.json:1:1: 错误: 无法读取文件：这是一个循环指向自身的链接（快捷方式）'],
      ['data/config.json:1:1: 错误: 无法读取文件：这是一个文件夹，不是文件'],
    ]);
  });

  it('lets SITE_BASE and SITE_URL override the file, as the build and the sub-path test set them', () => {
    process.env.SITE_BASE = 'zt//shuangyong';
    process.env.SITE_URL = 'https://example.gov.cn/';
    const r = loadConfig(folder('{"base": "/", "site": "http://localhost/"}'), 'data/config.json');
    expect([r.config.base, r.config.site]).toEqual(['/zt/shuangyong/', 'https://example.gov.cn/']);
  });
});

describe('readConfig', () => {
  it('never throws on a broken file: pages and astro.config.mjs get the defaults while the data step reports it', () => {
    expect(readConfig(folder('{"district": "东城区",}'))).toEqual(DEFAULTS);
    expect(readConfig(folder('{"district": "东城区"}')).district).toBe('东城区');
  });
});
