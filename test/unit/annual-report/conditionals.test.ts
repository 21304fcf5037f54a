import { describe, it, expect } from 'vitest';
import { buildReports } from '../../../src/lib/annual-report/build-reports.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { parseTemplate, MAX_TEMPLATE_PROBLEMS } from '../../../src/lib/annual-report/parse-template.ts';
import { FILE, SUMMARY, DETAILS, build, body, lines, series } from './fixtures.ts';
import type { Summary } from '../../../src/lib/shared/types.ts';

/** The body of every report year, joined as `2021: …`. */
function allYears(text: string): string[] {
  return build(text).reports.map((r) => `${r.year}: ${r.blocks.map((b) => (b.kind === 'list' ? '' : b.runs.map((x) => x.text).join(''))).join(' / ')}`);
}

describe('optional clauses [[ … ]]', () => {
  it('keeps a clause whose figures all have data, without the brackets', () => {
    expect(body('经费{{ funding.total }}[[，比上年{{ funding.total | yoy }}]]。')).toBe('经费576.20万元，比上年增长12.4%。');
  });

  it('leaves out a clause whose yoy has no previous year, and says nothing about it', () => {
    expect(body('经费{{ funding.total }}[[，比上年{{ funding.total | yoy }}]]。', 2021)).toBe('经费512.50万元。');
    expect(lines('经费{{ funding.total }}[[，比上年{{ funding.total | yoy }}]]。')).toEqual([]);
  });

  it('leaves out a clause whose yoy is against a zero previous year', () => {
    expect(body('[[场次{{ training.sessions | yoy }}]]完', 2022)).toBe('完');
  });

  it('leaves out a clause whose figure is missing, and warns once that the clause was left out', () => {
    expect(allYears('单位[[，科技拥军单位{{ 指标:科技拥军单位 }}]]。')).toEqual(['2021: 单位。', '2022: 单位。', '2023: 单位，科技拥军单位21个。']);
    expect(lines('单位[[，科技拥军单位{{ 指标:科技拥军单位 }}]]。')).toEqual([
      'data/report-template.md:1:12: 警告: 指标“科技拥军单位”在 2021、2022 年无数据，这些年度的报告省略了它所在的可选分句（[[ ]]）',
    ]);
  });

  it('leaves out a two-year sum when one of the years has no data, instead of summing one year', () => {
    expect(body('[[近两年{{ militia.persons | sum -1..0 }}]]', 2023)).toBe('近两年50人');
    expect(build('[[近两年{{ militia.persons | sum -1..0 }}]]。').reports.map((r) => r.text.split('\n')[2])).toEqual(['　　。', '　　。', '　　近两年50人。']);
    expect(lines('[[近两年{{ militia.persons | sum -1..0 }}]]')).toEqual([
      'data/report-template.md:1:6: 警告: “抓获涉案人员”（militia.persons）在 2020、2021 年无数据，2021、2022 年的报告省略了它所在的可选分句（[[ ]]）',
    ]);
  });

  it('leaves out a clause with a previous year that has no data, and one with no streak', () => {
    expect(body('甲[[，上年{{ funding.total | prev }}]]', 2021)).toBe('甲');
    expect(body('甲[[，连续{{ streak }}]]', 2021)).toBe('甲');
  });

  it('keeps a zero in [[ … ]] but leaves it out in [[? … ]]', () => {
    expect(body('[[场次{{ training.sessions }}，]][[?共{{ training.sessions }}]]', 2021)).toBe('场次0场次，');
    expect(body('[[?共{{ training.sessions }}]]', 2022)).toBe('共5场次');
    expect(lines('[[?共{{ training.sessions }}]]')).toEqual([]);
  });

  it('accepts a full-width question mark after [[', () => {
    expect(body('[[？共{{ training.sessions }}]]完', 2021)).toBe('完');
  });

  it('does not count a flat yoy (0%) as a zero figure', () => {
    expect(body('[[?比上年{{ funding.total | yoy }}]]', 2022)).toBe('比上年持平');
  });

  it('nests: an inner clause left out does not take the outer one with it', () => {
    const tpl = '[[经费{{ funding.total }}[[，比上年{{ funding.total | yoy }}]]。]]';
    expect(allYears(tpl)).toEqual(['2021: 经费512.50万元。', '2022: 经费512.50万元，比上年持平。', '2023: 经费576.20万元，比上年增长12.4%。']);
  });

  it('an outer [[? … ]] is left out for a zero inside a kept inner clause', () => {
    expect(body('[[?共{{ training.participants }}[[，场次{{ training.sessions }}]]]]完', 2021)).toBe('完');
  });

  it('spans the lines of one paragraph and drops spaces written beside the brackets', () => {
    expect(body('经费{{ funding.total }}\n[[ ，比上年\n{{ funding.total | yoy }} ]]\n。')).toBe('经费576.20万元，比上年增长12.4%。');
  });

  it('drops a paragraph or list item left empty', () => {
    const r = build('开头\n\n[[单位{{ 指标:科技拥军单位 }}]]\n\n- [[甲{{ 指标:科技拥军单位 }}]]\n- 乙').reports;
    expect(r[0]!.blocks).toEqual([
      { kind: 'paragraph', runs: [{ kind: 'text', text: '开头' }] },
      { kind: 'list', items: [[{ kind: 'text', text: '乙' }]] },
    ]);
    expect(r[2]!.blocks.length).toBe(3);
  });

  it('works in a heading', () => {
    expect(build('# 报告[[（{{ 指标:科技拥军单位 }}）]]').reports.map((r) => r.title)).toEqual(['报告', '报告', '报告（21个）']);
  });
});

describe('choices {{#if}} … {{#elif}} … {{#else}} … {{/if}}', () => {
  const STREAK = '{{#if streak >= 2}}已连续{{ streak }}被评为“{{ streak.title }}”{{#elif streak = 1}}被评为“{{ streak.title }}”{{/if}}。';

  it('says 已连续N年 for a streak of two or more, 被评为 for one, and nothing for none', () => {
    expect(allYears(STREAK)).toEqual(['2021: 。', '2022: 被评为“双拥模范城”。', '2023: 已连续2年被评为“双拥模范城”。']);
    expect(lines(STREAK)).toEqual([]);
  });

  it('takes the {{#else}} branch when no condition holds', () => {
    expect(allYears('{{#if streak > 1}}多年{{#else}}不足两年{{/if}}')).toEqual(['2021: 不足两年', '2022: 不足两年', '2023: 多年']);
  });

  it('tests that a figure has data with a condition alone: a two-year sum only when both years have data', () => {
    const tpl = '{{#if militia.persons | sum -1..0}}近两年抓获{{ militia.persons | sum -1..0 }}{{#elif militia.persons}}{{ year }}年抓获{{ militia.persons }}{{/if}}';
    expect(allYears(tpl)).toEqual(['2021: ', '2022: 2022年抓获20人', '2023: 近两年抓获50人']);
    expect(lines(tpl)).toEqual([
      'data/report-template.md:1:1: 警告: “抓获涉案人员”（militia.persons）在 2020、2021 年无数据，2021、2022 年的报告按条件（{{#if}}）选用了其他写法',
      'data/report-template.md:1:74: 警告: “抓获涉案人员”（militia.persons）在 2021 年无数据，2021 年的报告按条件（{{#if}}）选用了其他写法',
    ]);
  });

  it('compares a figure with a number, and a yoy as a percentage', () => {
    expect(allYears('{{#if funding.total >= 576.2}}多{{#else}}少{{/if}}')).toEqual(['2021: 少', '2022: 少', '2023: 多']);
    expect(allYears('{{#if funding.total | yoy > 12.3}}快{{#elif funding.total | yoy = 0}}平{{/if}}')).toEqual(['2021: ', '2022: 平', '2023: 快']);
  });

  it('accepts == and != , full-width operators, ≥ and the Chinese directive names', () => {
    expect(allYears('{{#如果 streak ＝ 1}}一{{#否则如果 streak ≥ 2}}多{{#否则}}无{{/如果}}')).toEqual(['2021: 无', '2022: 一', '2023: 多']);
    expect(allYears('{{#if streak != 1}}非一{{/if}}{{#if streak == 1}}一{{/if}}')).toEqual(['2021: 非一', '2022: 一', '2023: 非一']);
  });

  it('tests the report year', () => {
    expect(allYears('{{#if year >= 2022}}新{{#else}}旧{{/if}}')).toEqual(['2021: 旧', '2022: 新', '2023: 新']);
  });

  it('nests choices and optional clauses inside each other', () => {
    const tpl = '{{#if streak >= 1}}获评[[，共{{ honors.count }}]]{{#if streak >= 2}}，连续{{ streak }}{{/if}}{{/if}}';
    expect(allYears(tpl)).toEqual(['2021: ', '2022: 获评，共1项', '2023: 获评，共2项，连续2年']);
  });
});

describe('conditional syntax errors name the line and column', () => {
  it('an unclosed [[ at the end of its paragraph', () => {
    expect(lines('第一段\n\n甲[[乙{{ year }}\n丙')).toEqual(['data/report-template.md:3:2: 错误: 可选分句“[[”没有闭合：本段结束前缺少“]]”（“[[ ]]”不能跨段）']);
  });

  it('a [[ … ]] across a blank line: unclosed in one paragraph, stray in the next', () => {
    expect(lines('甲[[乙\n\n丙]]丁')).toEqual([
      'data/report-template.md:1:2: 错误: 可选分句“[[”没有闭合：本段结束前缺少“]]”（“[[ ]]”不能跨段）',
      'data/report-template.md:3:2: 错误: 多余的“]]”：前面没有与之配对的“[[”',
    ]);
  });

  it('a stray ]] after Chinese text and a character outside the BMP', () => {
    expect(lines('𠀀文字]]')).toEqual(['data/report-template.md:1:4: 错误: 多余的“]]”：前面没有与之配对的“[[”']);
  });

  it('an {{#if}} without {{/if}}', () => {
    expect(lines('# 标题\n前文{{#if streak >= 2}}连续')).toEqual(['data/report-template.md:2:3: 错误: 条件“{{#if}}”没有结束：本段结束前缺少“{{/if}}”（条件不能跨段）']);
  });

  it('{{/if}}, {{#else}} and {{#elif}} without {{#if}}', () => {
    expect(lines('甲{{/if}}\n\n乙{{#else}}\n\n丙{{#elif streak}}')).toEqual([
      'data/report-template.md:1:2: 错误: 多余的“{{/if}}”：前面没有与之配对的“{{#if 条件}}”',
      'data/report-template.md:3:2: 错误: 多余的“{{#else}}”：前面没有与之配对的“{{#if 条件}}”',
      'data/report-template.md:5:2: 错误: 多余的“{{#elif}}”：前面没有与之配对的“{{#if 条件}}”',
    ]);
  });

  it('a branch after {{#else}}', () => {
    expect(lines('{{#if streak}}甲{{#else}}乙{{#elif streak = 1}}丙{{/if}}')).toEqual([
      'data/report-template.md:1:26: 错误: “{{#elif}}”不能写在第 1 行第 16 列的“{{#else}}”之后：“{{#else}}”必须是最后一个分支',
    ]);
  });

  it('[[ and {{#if}} that cross instead of nesting, either way round', () => {
    expect(lines('[[甲{{#if streak}}乙]]丙{{/if}}')).toEqual([
      'data/report-template.md:1:19: 错误: “]]”出现在第 1 行第 4 列的“{{#if}}”结束之前：“[[ ]]”与“{{#if}}…{{/if}}”可以整个嵌套，不能交叉',
    ]);
    expect(lines('{{#if streak}}甲[[乙{{/if}}丙]]')).toEqual([
      'data/report-template.md:1:19: 错误: “{{/if}}”出现在第 1 行第 16 列的“[[”结束之前：“[[ ]]”与“{{#if}}…{{/if}}”可以整个嵌套，不能交叉',
    ]);
  });

  it('an unknown directive', () => {
    expect(lines('甲{{#when streak}}')).toEqual([
      'data/report-template.md:1:2: 错误: 未知的指令“{{#when}}”：可用的有 {{#if 条件}}、{{#elif 条件}}、{{#else}}、{{/if}}（或 #如果、#否则如果、#否则、/如果）',
    ]);
  });

  it('an {{#if}} without a condition, and {{#else}} or {{/if}} with one', () => {
    expect(lines('{{#if}}甲{{/if}}\n\n{{#if streak}}甲{{#else streak}}乙{{/if streak}}')).toEqual([
      'data/report-template.md:1:1: 错误: “{{#if …}}”缺少条件，如 {{#if streak >= 2}} 或 {{#if militia.cases @-1}}',
      'data/report-template.md:3:16: 错误: “{{#else}}”后面不能写条件“streak”：要加条件请用 {{#elif 条件}}',
      'data/report-template.md:3:33: 错误: “{{/if}}”后面不能写条件“streak”：要加条件请用 {{#elif 条件}}',
    ]);
  });

  it('a comparison without a number, or with an unknown operator', () => {
    expect(lines('{{#if streak >= 两年}}甲{{/if}}\n{{#if streak => 2}}甲{{/if}}')).toEqual([
      'data/report-template.md:1:1: 错误: 条件中的比较“>=”后应为一个数字，实际为“两年”：可用 >=、>、<=、<、=、!=，如 streak >= 2',
      'data/report-template.md:2:1: 错误: 条件中的比较“=”后应为一个数字，实际为“> 2”：可用 >=、>、<=、<、=、!=，如 streak >= 2',
    ]);
  });

  it('a text used as a condition', () => {
    expect(lines('{{#if district}}甲{{/if}}')).toEqual([
      'data/report-template.md:1:1: 错误: “district”是文字，不能作为条件：条件应为数据项，如 {{#if streak >= 2}}',
    ]);
  });

  it('an unknown metric or modifier in a condition, at the directive', () => {
    expect(lines('前文{{#if funding.totl > 0}}甲{{/if}}\n{{#if funding.total | growth}}乙{{/if}}')).toEqual([
      'data/report-template.md:1:3: 错误: 未知的数据项“funding.totl”：summary.json 中没有这个数据项，是不是“funding.total”？',
      'data/report-template.md:2:1: 错误: 未知的修饰符“growth”：可用的修饰符有 value、yoy、prev、year、sum（或 数值、同比、上年、年份、合计）',
    ]);
  });
});

describe('template errors of issue 10', () => {
  it('an unterminated comment is an error at its line and column, not an empty report', () => {
    expect(lines('# 标题\n正文{{ year }}\n  <!-- 说明\n{{ funding.total }}')).toEqual([
      'data/report-template.md:3:3: 错误: 注释“<!--”没有结束：缺少“-->”，其后的全部内容都会被当作注释，报告将是空的',
    ]);
    expect(build('正文\n<!-- 说明').reports).toEqual([]);
  });

  it('a comment closed on its line or on a later one removes only itself; a line that is all comment ends a paragraph', () => {
    expect(body('甲<!-- 一 -->乙')).toBe('甲乙');
    expect(body('甲<!--\n二\n-->丙')).toBe('甲\n丙');
    expect(lines('甲<!--\n二\n-->丙')).toEqual([]);
  });

  it('a placeholder name of 1 MB gets a short message', () => {
    const name = '甲'.repeat(1024 * 1024);
    const issues = build(`前文{{ ${name} }}`).issues.map(formatIssue);
    expect(issues).toEqual([
      'data/report-template.md:1:3: 错误: 占位符太长（1,048,578 个字符，最多 200 个）：“{{甲甲甲甲甲甲甲甲甲甲甲甲…”，请检查是否漏写了“}}”',
    ]);
  });

  it('a 1 MB line of unclosed placeholders and brackets gives a capped list', () => {
    const r = build('{{ year }}]]'.repeat(200_000));
    expect(r.issues.length).toBe(MAX_TEMPLATE_PROBLEMS + 1);
    expect(formatIssue(r.issues[0]!)).toBe('data/report-template.md:1:11: 错误: 多余的“]]”：前面没有与之配对的“[[”');
    expect(formatIssue(r.issues[MAX_TEMPLATE_PROBLEMS]!)).toBe('data/report-template.md:1:1211: 错误: 另有 199900 个问题未列出');
  });

  it('a reference to another host in the template text is an error at the template line and column', () => {
    const tpl = '# 标题\n\n正文<img src="http://cdn.example.com/a.png">，\n<a href="https://localhost/x">本站</a> <!-- <img src="http://in.comment/x.png"> -->';
    const r = buildReports({ file: FILE, text: tpl }, SUMMARY, DETAILS, { district: '示例区', site: 'https://localhost/' });
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:3:13: 错误: 模板中引用了外部地址 http://cdn.example.com/a.png：网站不能从其他网站加载内容（可能部署在政务内网），请删除',
    ]);
    expect(r.reports).toEqual([]);
  });

  it('a URL in prose is not a finding, as in the published-site check', () => {
    const r = buildReports({ file: FILE, text: '详见 http://example.com/ 网站' }, SUMMARY, DETAILS, { district: '示例区', site: 'https://localhost/' });
    expect(r.issues).toEqual([]);
  });
});

describe('templates at the edges', () => {
  it('a template without any conditional renders as before, with 「—（无数据）」 and a warning', () => {
    expect(allYears('单位{{ 指标:科技拥军单位 }}')).toEqual(['2021: 单位—（无数据）', '2022: 单位—（无数据）', '2023: 单位21个']);
  });

  it('a template whose every figure is missing gives readable reports: the clauses left out, one warning each', () => {
    const tpl = '# {{ district }}{{ year }}年报告\n\n全年工作扎实开展[[，发放率{{ 指标:优抚资金发放率 }}]][[，单位{{ 指标:科技拥军单位 }}]]。';
    const r = build(tpl);
    expect(r.reports.map((x) => x.text)).toEqual([
      '示例区2021年报告\n\n　　全年工作扎实开展。\n',
      '示例区2022年报告\n\n　　全年工作扎实开展。\n',
      '示例区2023年报告\n\n　　全年工作扎实开展，发放率96.5%，单位21个。\n',
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:3:15: 警告: 指标“优抚资金发放率”在 2021、2022 年无数据，这些年度的报告省略了它所在的可选分句（[[ ]]）',
      'data/report-template.md:3:38: 警告: 指标“科技拥军单位”在 2021、2022 年无数据，这些年度的报告省略了它所在的可选分句（[[ ]]）',
    ]);
  });

  it('a district with a single year: no two-year claims and no change on the previous year', () => {
    const one: Summary = {
      ...SUMMARY,
      years: [2023],
      latestYear: 2023,
      metrics: { 'militia.cases': series('查处案件', '起', { 2023: 1234 }), 'militia.persons': series('抓获涉案人员', '人', { 2023: 30 }) },
    };
    const tpl =
      '{{#if militia.cases | sum -1..0}}近两年共查处案件{{ militia.cases | sum -1..0 }}{{#else}}全年查处案件{{ militia.cases }}{{/if}}[[，比上年{{ militia.cases | yoy }}]][[，抓获{{ militia.persons }}]]。';
    const r = buildReports({ file: FILE, text: tpl }, one, DETAILS, { district: '示例区' });
    expect(r.reports.map((x) => x.text)).toEqual(['2023年度党管武装工作述职报告\n\n　　全年查处案件1,234起，抓获30人。\n']);
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:1:1: 警告: “查处案件”（militia.cases）在 2022 年无数据，2023 年的报告按条件（{{#if}}）选用了其他写法',
    ]);
  });

  it('a year whose data starts mid-series: the years before it get the other wording', () => {
    expect(allYears('{{#if school.placed}}安排入学{{ school.placed }}{{#else}}入学工作稳步推进{{/if}}。')).toEqual([
      '2021: 入学工作稳步推进。',
      '2022: 入学工作稳步推进。',
      '2023: 安排入学66名。',
    ]);
  });

  it('a figure whose data file is absent is a figure without data (a warning naming the file), not an unknown name', () => {
    const files = [{ dataset: 'indicators' as const, file: 'data/indicators.csv', present: false, encoding: null, rows: 0, counted: 0, rejected: 0 }];
    const r = buildReports({ file: FILE, text: '全年[[走访{{ 指标:走访部队 }}，]]工作扎实。' }, SUMMARY, { ...DETAILS, files }, { district: '示例区' });
    expect(r.reports.map((x) => x.text.split('\n')[2])).toEqual(['　　全年工作扎实。', '　　全年工作扎实。', '　　全年工作扎实。']);
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:1:7: 警告: 指标“走访部队”（data/indicators.csv 未提供或没有数据）在 2021、2022、2023 年无数据，这些年度的报告省略了它所在的可选分句（[[ ]]）',
    ]);
  });

  it('a name missing from a data file that has rows is still an error', () => {
    const files = [{ dataset: 'indicators' as const, file: 'data/indicators.csv', present: true, encoding: 'utf-8' as const, rows: 3, counted: 3, rejected: 0 }];
    const r = buildReports({ file: FILE, text: '全年[[走访{{ 指标:走访部队 }}，]]工作扎实。' }, SUMMARY, { ...DETAILS, files }, { district: '示例区' });
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:1:7: 错误: 未知的指标“走访部队”：indicators.csv 中没有这个指标（指标名须与 indicators.csv “指标”列完全一致）',
    ]);
  });

  it('parses without conditionals into the same blocks as text and placeholders', () => {
    const p = parseTemplate('甲{{ year }}乙');
    expect(p.problems).toEqual([]);
    expect(p.blocks).toEqual([
      {
        kind: 'paragraph',
        nodes: [
          { kind: 'text', text: '甲' },
          { kind: 'placeholder', placeholder: { ref: { kind: 'year' }, at: null, prev: false, sum: null, form: 'full' }, source: '{{ year }}', line: 1, column: 2 },
          { kind: 'text', text: '乙' },
        ],
      },
    ]);
  });
});
