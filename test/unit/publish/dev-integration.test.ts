import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPrivateRequest, privateFileGuard, privatePaths } from '../../../src/lib/publish/dev-integration.ts';
import type { PrivatePaths } from '../../../src/lib/publish/dev-integration.ts';

// A project folder as the dev server sees it: data/ inside it, another data folder outside (--data-dir), the change report.
let tmp: string;
let root: string;
let outside: string;
let priv: PrivatePaths;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dev-guard-'));
  root = join(tmp, 'project');
  outside = join(tmp, 'elsewhere', 'data');
  for (const d of [join(root, 'data', 'templates'), join(root, 'public'), join(root, 'src', 'pages'), outside]) mkdirSync(d, { recursive: true });
  writeFileSync(join(root, 'data', 'funding.csv'), '年度,类别,金额（万元）,受益单位\n2025,其他,1,内部单位\n');
  writeFileSync(join(root, 'data', 'config.json'), '{}');
  writeFileSync(join(root, 'data', 'templates', 'funding.csv'), '年度\n');
  writeFileSync(join(outside, 'funding.csv'), '年度,类别,金额（万元）,受益单位\n');
  writeFileSync(join(root, 'build-report.txt'), '变更报告');
  writeFileSync(join(root, 'public', 'favicon.svg'), '<svg/>');
  writeFileSync(join(root, 'src', 'pages', 'index.astro'), '---\n---');
  // Symlinks into data/ from public/ (served at the site root) and from the project root.
  symlinkSync(join(root, 'data', 'funding.csv'), join(root, 'public', 'leak.csv'));
  symlinkSync(join(root, 'data', 'funding.csv'), join(root, 'leak.csv'));
  priv = privatePaths(root, outside);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('isPrivateRequest', () => {
  const blocked = (): string[] => [
    '/data/funding.csv',
    '/data/funding.csv?raw',
    '/data/funding.csv?import&raw',
    '/data/funding.csv?url',
    '/data/config.json',
    '/data/templates/funding.csv',
    '/data/',
    '/%64ata/funding.csv',
    '/%2564ata/funding.csv',
    '//data//funding.csv',
    '/data\\funding.csv',
    '/public/../data/funding.csv',
    '/src/%2e%2e/data/funding.csv',
    `/@fs${root}/data/funding.csv`,
    `/@fs${root}/data/funding.csv?raw`,
    `/@fs${outside}/funding.csv`,
    `/@fs${outside}/funding.csv?raw`,
    '/@id/data/funding.csv',
    '/public/leak.csv',
    '/leak.csv',
    '/build-report.txt',
    '/build-report.txt?raw',
    `/@fs${root}/build-report.txt`,
  ];
  it.each([
    '/', '/funding/', '/data/summary.json', '/downloads/funding.csv', '/favicon.svg', '/public/favicon.svg', '/src/pages/index.astro',
    '/__shuangyong/data-status',
  ])('lets %s through', (url) => {
    expect(isPrivateRequest(url, '/', priv)).toBe(false);
  });

  it('refuses every way of naming the raw data files and the change report', () => {
    expect(blocked().filter((u) => !isPrivateRequest(u, '/', priv))).toEqual([]);
  });

  it('refuses them under a sub-path base as well', () => {
    expect(isPrivateRequest('/zt/sy/data/funding.csv', '/zt/sy/', priv)).toBe(true);
    expect(isPrivateRequest('/zt/sy/build-report.txt?raw', '/zt/sy/', priv)).toBe(true);
    expect(isPrivateRequest('/zt/sy/data/summary.json', '/zt/sy/', priv)).toBe(false);
  });
});

describe('privateFileGuard', () => {
  function call(url: string): { status: number | null; body: string; passed: boolean } {
    const out = { status: null as number | null, body: '', passed: false };
    const res = {
      statusCode: 200,
      setHeader: () => undefined,
      end(body: string) {
        out.status = this.statusCode;
        out.body = body;
      },
    };
    privateFileGuard('/', priv)({ url } as IncomingMessage, res as unknown as ServerResponse, () => {
      out.passed = true;
    });
    return out;
  }
  it('answers 404 without the content to a private request and passes the others on', () => {
    expect(call('/data/funding.csv?raw')).toEqual({ status: 404, body: '404 Not Found', passed: false });
    expect(call('/funding/')).toEqual({ status: null, body: '', passed: true });
  });
});
