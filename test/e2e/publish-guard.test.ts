/**
 * The publishing guard, through the data step's own CLI: personal data in a public text field stops the build with
 * a `file:line:column` error naming the rule, and nothing is written.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runDataStep } from './harness.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data folder with one honors.csv whose only row's recipient (column 4) holds `recipient`. */
function honorsFolder(recipient: string): { dir: string; file: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-guard-'));
  dirs.push(dir);
  const file = join(dir, 'honors.csv');
  writeFileSync(file, `year,title,conferred_by,recipient,level,note\n2024,双拥工作先进个人,示例区人民政府,${recipient},区级,\n`, 'utf8');
  return { dir, file, out: join(dir, 'out') };
}

// Independent child processes: run them side by side.
describe.concurrent('publishing guard', () => {
  test.each([
    { rule: '居民身份证号码', recipient: '张三11010519491231002X' },
    { rule: '手机号码', recipient: '李四 13812345678' },
    { rule: '电子邮箱地址', recipient: 'wangwu@example.com' },
  ])(
    'a recipient holding a $rule stops the data step with exit 1 and a file:2:4 error naming the rule',
    async ({ rule, recipient }) => {
      const { dir, file, out } = honorsFolder(recipient);
      const r = await runDataStep(dir, out);
      expect(r.code, r.output).toBe(1);
      const line = r.output.split('\n').find((l) => l.startsWith(`${file}:2:4: 错误: `));
      expect(line, r.output).toBeDefined();
      expect(line).toContain(`含有疑似${rule}`);
      expect(line).toContain('(recipient)');
      expect(line).toContain('公开字段不得包含个人信息');
      expect(existsSync(join(out, 'summary.json'))).toBe(false);
    },
    60_000,
  );

  test('an 18-digit number whose check character is wrong is not taken for a resident ID', async () => {
    const { dir, out } = honorsFolder('示例区110105194912310021部队');
    const r = await runDataStep(dir, out);
    expect(r.code, r.output).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  }, 60_000);
});
