/**
 * docs/data-contract.md in step with the schema: every column table of §1 against src/lib/data/schema (key, aliases,
 * type, required, bounds, default, allowed values, internal), and §3's fixed metric ids against the golden summary.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS } from '../../../src/lib/data/schema/index.ts';
import type { ColumnSchema } from '../../../src/lib/data/schema/types.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const doc = readFileSync(join(root, 'docs', 'data-contract.md'), 'utf8');

interface DocTable {
  file: string;
  title: string;
  rows: { key: string; aliases: string[]; type: string; rule: string }[];
}

/** Each `### <file> — <title>` section of §1 and the rows of its table. */
function tables(): DocTable[] {
  const out: DocTable[] = [];
  for (const section of doc.split(/^### /m).slice(1)) {
    const head = /^(\S+\.csv) — (.+)$/m.exec(section);
    if (!head) continue;
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| 列 '))
      .map((l) => l.slice(2, -2).split(' | ').map((c) => c.trim()))
      .map(([key, aliases, type, rule]) => ({ key: key!, aliases: aliases!.split('、'), type: type!, rule: rule! }));
    out.push({ file: head[1]!, title: head[2]!, rows });
  }
  return out;
}

/** The rule cell the schema implies, as the parts the doc must state. */
function ruleParts(c: ColumnSchema): string[] {
  const parts = [c.required ? '必填' : '选填'];
  if (c.min !== undefined) parts.push(`≥ ${c.min}`);
  if (c.default !== undefined) parts.push(`默认 ${c.default}`);
  if (c.oneOf) parts.push(`取值之一：${c.oneOf.join('、')}`);
  if (c.internal) parts.push('**内部字段**');
  return parts;
}

describe('docs/data-contract.md', () => {
  it('states contract version 1.1 and names its source of truth', () => {
    expect(doc.split('\n')[0]).toBe('# 数据契约（版本 1.1）');
    expect(doc).toContain('shared/spec/data-contract.md');
  });

  it('has one column table per dataset, in schema order, titled as the schema', () => {
    expect(tables().map((t) => [t.file, t.title.replace(/（.*）$/, '')])).toEqual(DATASETS.map((s) => [s.file, s.title]));
  });

  it('lists exactly the schema columns of each dataset with their aliases, type and rules', () => {
    for (const t of tables()) {
      const schema = DATASETS.find((s) => s.file === t.file)!;
      expect(t.rows.map((r) => r.key), t.file).toEqual(schema.columns.map((c) => c.key));
      for (const c of schema.columns as readonly ColumnSchema[]) {
        const row = t.rows.find((r) => r.key === c.key)!;
        const where = `${t.file} ${c.key}`;
        expect(row.aliases, where).toEqual([...c.aliases]);
        expect(row.type, where).toBe(c.type);
        // The rule states each part the schema implies, and no other bound, default, value list or internal flag.
        const parts = row.rule.replace(/（.*?）/g, '').split('，').map((p) => p.trim());
        for (const p of ruleParts(c)) expect(parts, where).toContain(p);
        const claimed = parts.filter((p) => /^(必填|选填|≥|默认|取值之一|\*\*内部字段\*\*)/.test(p));
        expect(claimed.sort(), where).toEqual(ruleParts(c).sort());
        const unit = /单位 (\S+)/.exec(row.rule)?.[1];
        if (unit !== undefined) expect(unit, where).toBe(c.unit);
      }
    }
  });

  it('names every fixed metric id that summary.json always holds', () => {
    const golden = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'valid-all', 'summary.json'), 'utf8')) as { metrics: Record<string, unknown> };
    const fixed = Object.keys(golden.metrics).filter((id) => !id.includes(':'));
    const line = doc.split('\n').find((l) => l.startsWith('- 指标 id：'))!;
    const named = [...line.matchAll(/`([a-z]+\.[a-z]+)`/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(fixed.sort());
  });
});
