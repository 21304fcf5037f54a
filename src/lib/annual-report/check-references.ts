/** Template checks before any report is rendered: unknown metric or indicator names, and references to another host. */
import type { Details, Summary } from '../shared/types.ts';
import type { Issue } from '../data/issues.ts';
import { findExternalRefs } from '../publish/dist-check.ts';
import { indicatorName } from '../shared/metric-def.ts';
import { editDistance } from '../shared/edit-distance.ts';
import type { TemplateBlock } from './parse-template.ts';
import { blockNodes, placeholdersOf } from './placeholders-of.ts';
import { charColumn } from './char-column.ts';
import { reportMessage } from './messages.ts';
import { emptySource, resolveMetric } from './resolve-metric.ts';

function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(Array.from(name).length / 3));
  return best !== null && bestD <= limit ? best : null;
}

/** Names longer than this get no "did you mean" search (it costs length × candidates). */
const MAX_SUGGEST_LENGTH = 64;

/** Check that every metric a placeholder or condition names exists in summary.json; unknown names give an error issue. */
export function checkReferences(blocks: readonly TemplateBlock[], summary: Summary, details: Details, file: string): Issue[] {
  const issues: Issue[] = [];
  const ids = [
    ...Object.keys(summary.metrics),
    ...Object.entries(details.breakdowns).flatMap(([bid, b]) => b.keys.map((k) => `${bid}:${k}`)),
  ];
  const indicatorNames = ids.map(indicatorName).filter((n): n is string => n !== null);
  const suggest = (name: string, candidates: readonly string[]) => (Array.from(name).length <= MAX_SUGGEST_LENGTH ? closest(name, candidates) : null);
  for (const nodes of blockNodes(blocks)) {
    for (const s of placeholdersOf(nodes)) {
      if (s.placeholder.ref.kind !== 'metric') continue;
      const id = s.placeholder.ref.id;
      if (resolveMetric(summary, details, id) || emptySource(details, id)) continue;
      const at = { severity: 'error' as const, file, line: s.line, column: s.column };
      const name = indicatorName(id);
      if (name !== null) {
        const near = suggest(name, indicatorNames);
        const hint = near ? `，是不是“${near}”？` : '（指标名须与 indicators.csv “指标”列完全一致）';
        issues.push({ ...at, code: 'report_unknown_indicator', message: reportMessage('report_unknown_indicator', { name, hint }) });
      } else {
        const near = suggest(id, ids);
        const hint = near ? `，是不是“${near}”？` : '（数据项名称见 summary.json 的 metrics）';
        issues.push({ ...at, code: 'report_unknown_metric', message: reportMessage('report_unknown_metric', { name: id, hint }) });
      }
    }
  }
  return issues;
}

/** Text of the template (outside comments) that would make a published page load from another host, at its line and column. */
export function checkExternalRefs(lines: readonly string[], site: string, file: string): Issue[] {
  const issues: Issue[] = [];
  lines.forEach((line, i) => {
    if (!/\/\//.test(line)) return;
    let from = 0;
    for (const ref of findExternalRefs(line, file, { site })) {
      const at = line.indexOf(ref.url, from);
      from = at < 0 ? from : at + ref.url.length;
      issues.push({
        severity: 'error',
        code: 'report_external_ref',
        file,
        line: i + 1,
        column: charColumn(line, at < 0 ? 0 : at),
        message: reportMessage('report_external_ref', { url: ref.url.length > 120 ? `${ref.url.slice(0, 120)}…` : ref.url }),
      });
    }
  });
  return issues;
}
