import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../../src/lib/publish/publish.ts';
import { EXIT as CLI_EXIT } from '../../../src/lib/cli/errors.ts';
import { MANIFEST_FILE } from '../../../src/lib/publish/manifest.ts';
import { JOURNAL_FILE } from '../../../src/lib/publish/swap.ts';
import { formatRemovalRefusal } from '../../../src/lib/publish/shrink-guard.ts';

const guide = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'admin-guide.md'), 'utf8');

describe('docs/admin-guide.md on publishing', () => {
  it('has a row for every exit status of npm run build (publishing and the command wrapper), and no other', () => {
    const table = guide.slice(guide.indexOf('### 结束状态'));
    const rows = [...table.matchAll(/^\| `(\d+)` \|/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual([...new Set([...Object.values(EXIT), ...Object.values(CLI_EXIT)])].sort((a, b) => a - b));
  });

  it('shows the shrink guard refusal exactly as the build prints it', () => {
    const lines = formatRemovalRefusal(
      [
        { kind: 'years', dataset: 'funding', file: 'data/funding.csv', years: [2018] },
        { kind: 'rows', dataset: 'militia_cases', file: 'data/militia_cases.csv', liveRows: 240, nextRows: 100 },
        { kind: 'dataset', dataset: 'honors', file: 'data/honors.csv', liveRows: 34, nextPresent: false },
      ],
      'dist',
    );
    expect(guide).toContain(`${[...lines, '构建已停止。已发布的网站未改动（dist/ 保持原样）。'].join('\n')}\n`);
  });

  it('names the flag, the manifest, the swap journal and the lock file to delete by hand', () => {
    for (const s of ['npm run build -- --allow-removal', `dist/${MANIFEST_FILE}`, `.cache/${JOURNAL_FILE}`, '可以删除 .cache/build.lock 后重新运行']) {
      expect(guide).toContain(s);
    }
  });
});
