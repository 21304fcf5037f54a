import { describe, it, expect } from 'vitest';
import { streakOfYears } from '../../../src/lib/shared/streak.ts';
import { buildReports, sumExact, metricHref, MISSING_TEXT } from '../../../src/lib/annual-report/build-reports.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { FILE, SUMMARY, DETAILS, build, reportOf, body, figures, lines } from './fixtures.ts';
import { formatFigure } from '../../../src/lib/annual-report/figure-text.ts';

describe('buildReports: placeholder kinds', () => {
  it('renders a metric with its unit for the report year', () => {
    expect(body('经费{{ funding.total }}')).toBe('经费576.20万元');
    expect(body('经费{{ funding.total }}', 2021)).toBe('经费512.50万元');
  });

  it('adds thousands separators as format.ts does', () => {
    expect(body('{{ militia.cases }}')).toBe('1,234起');
  });

  it('renders the number only with | value and with its Chinese name 数值', () => {
    expect(body('{{ funding.total | value }}万元')).toBe('576.20万元');
    expect(body('{{ funding.total | 数值 }}')).toBe('576.20');
  });

  it('renders the yoy change in words: 增长, 下降 and 持平', () => {
    expect(body('{{ funding.total | yoy }}')).toBe('增长12.4%');
    expect(body('{{ militia.cases | yoy }}', 2022)).toBe('下降3.0%');
    expect(body('{{ funding.total | 同比 }}', 2022)).toBe('持平');
  });

  it('says 无上年数据 or 上年为零 when the yoy cannot be computed, without a warning', () => {
    expect(body('{{ funding.total | yoy }}', 2021)).toBe('—（无上年数据）');
    expect(body('{{ training.sessions | yoy }}', 2022)).toBe('—（上年为零）');
    expect(build('{{ funding.total | yoy }}').issues).toEqual([]);
  });

  it('renders the previous year with | prev, and 无上年数据 without a warning when there is none', () => {
    expect(body('{{ funding.total | prev }}')).toBe('512.50万元');
    expect(body('{{ funding.total | 上年 | value }}')).toBe('512.50');
    expect(body('{{ funding.total | prev }}', 2021)).toBe('—（无上年数据）');
    expect(build('{{ funding.total | prev }}').issues).toEqual([]);
  });

  it('renders another year with @year, | year and a relative @-1', () => {
    expect(body('{{ militia.cases @2022 }}')).toBe('97起');
    expect(body('{{ militia.cases | year 2022 }}')).toBe('97起');
    expect(body('{{ militia.cases @-1 }}')).toBe('97起');
    expect(body('{{ militia.cases @2022 | yoy }}')).toBe('下降3.0%');
  });

  it('sums a fixed range, a relative range (近两年) and a cumulative range, exactly', () => {
    expect(body('{{ militia.cases | sum 2021-2022 }}')).toBe('197起');
    expect(body('{{ militia.cases | sum 2021..2023 }}')).toBe('1,431起');
    expect(body('近两年{{ militia.cases | sum -1..0 }}')).toBe('近两年1,331起');
    expect(body('{{ militia.cases | 合计 -1..0 | value }}', 2022)).toBe('197');
    // 100.1 + 0.2 + 0.1 is 100.39999999999999 in floating point.
    expect(body('{{ funding.category:人武部规范化建设 | sum ..0 }}')).toBe('100.40万元');
    expect(figures('{{ funding.category:人武部规范化建设 | sum ..0 }}')[0]?.value).toBe(100.4);
  });

  it('renders an indicators.csv figure by name, with indicator: or 指标:', () => {
    expect(body('走访{{ indicator:走访调研驻军次数 }}')).toBe('走访48次');
    expect(body('走访{{ 指标:走访调研驻军次数 }}')).toBe('走访48次');
    expect(body('{{ 指标：走访调研驻军次数 ｜ 上年 }}')).toBe('44次');
    expect(body('发放率{{ 指标:优抚资金发放率 }}')).toBe('发放率96.5%');
  });

  it('renders a breakdown key as <breakdown id>:<key>', () => {
    expect(body('{{ training.kind.participants:国防教育 }}，{{ training.kind.participants:国防教育 | yoy }}')).toBe('1,500人次，增长25.0%');
  });

  it('renders the honour streak as of the report year', () => {
    const tpl = '连续{{ streak }}被评为“{{ streak.title }}”（{{ streak.years | value }}，至{{ streak.through }}年）';
    expect(body(tpl)).toBe('连续2年被评为“双拥模范城”（2，至2023年）');
    expect(body(tpl, 2022)).toBe('连续1年被评为“双拥模范城”（1，至2022年）');
  });

  it('renders the report year and the district as plain text', () => {
    expect(body('{{ district }}{{ year }}年（上年为{{ year @-1 }}年）')).toBe('示例区2023年（上年为2022年）');
    const runs = reportOf('{{ district }}{{ year }}').blocks[0];
    expect(runs).toEqual({ kind: 'paragraph', runs: [{ kind: 'text', text: '示例区2023' }] });
  });

  it('gives every figure its metric, year, source page, description and machine value', () => {
    expect(figures('{{ funding.total }}')).toEqual([
      {
        kind: 'figure',
        text: '576.20万元',
        metric: 'funding.total',
        year: 2023,
        href: 'funding/#funding-total',
        description: '经费投入（funding.total），2023年',
        value: 576.2,
        missing: false,
      },
    ]);
    expect(figures('{{ militia.persons | sum -1..0 }}')[0]).toMatchObject({ year: 2023, fromYear: 2022, value: 50, description: '抓获涉案人员（militia.persons），2022—2023年合计' });
    expect(figures('{{ funding.total | yoy }}')[0]).toMatchObject({ text: '增长12.4%', description: '经费投入（funding.total），2023年比上年增减' });
  });

  it('links each figure to the page and figure that show it', () => {
    expect(['funding.total', 'funding.category:其他', 'militia.cases', 'training.kind.participants:国防教育', 'school.placed', 'honors.count', 'streak', 'streak.title', 'indicator:走访调研驻军次数', 'other.thing'].map(metricHref)).toEqual([
      'funding/#funding-total', 'funding/#funding-category', 'militia/#militia-total', 'training/#training-kind-participants', 'school/#school-total', 'honors/#timeline', 'honors/', 'honors/', 'indicators/', '',
    ]);
  });

  it('renders every fixed metric equal to its summary.json value', () => {
    for (const [id, m] of Object.entries(SUMMARY.metrics)) {
      for (const [y, v] of Object.entries(m.byYear)) {
        const [fig] = figures(`{{ ${id} | value }}`, Number(y));
        expect(fig?.value).toBe(v);
        expect(fig?.text).toBe(formatFigure(v, m.unit, 'value', id));
      }
    }
  });
});

describe('buildReports: document structure', () => {
  const TPL = [
    '<!-- 说明：{{ 这里不是占位符 }} 会被跳过',
    '第二行注释 -->',
    '# {{ district }}{{ year }}年度述职报告',
    '',
    '开头一段，',
    '  续行合并。',
    '',
    '## 一、第一部分',
    '',
    '一是经费{{ funding.total }}。<b>不是HTML</b>',
    '- 甲项',
    '- 乙项{{ year }}',
    '### 小标题',
  ].join('\r\n');

  it('takes the title from the first # heading and keeps the rest as blocks', () => {
    const r = reportOf(TPL);
    expect(r.title).toBe('示例区2023年度述职报告');
    expect(r.blocks.map((b) => b.kind + (b.kind === 'heading' ? b.level : ''))).toEqual(['paragraph', 'heading2', 'paragraph', 'list', 'heading3']);
  });

  it('renders the plain text with the title, a blank line and indented lines', () => {
    expect(reportOf(TPL).text).toBe(
      [
        '示例区2023年度述职报告',
        '',
        '　　开头一段，续行合并。',
        '　　一、第一部分',
        '　　一是经费576.20万元。<b>不是HTML</b>',
        '　　· 甲项',
        '　　· 乙项2023',
        '　　小标题',
        '',
      ].join('\n'),
    );
  });

  it('uses a default title when the template has no # heading', () => {
    expect(reportOf('正文').title).toBe('2023年度党管武装工作述职报告');
  });

  it('makes one report per summary year, in order', () => {
    expect(build('正文').reports.map((r) => r.year)).toEqual([2021, 2022, 2023]);
  });
});

describe('buildReports: errors name the template line and character column', () => {
  it('reports an unclosed placeholder after Chinese text at its character column', () => {
    expect(lines('第一行\n经费投入{{ funding.total 万元')).toEqual([
      'data/report-template.md:2:5: 错误: 占位符“{{”没有闭合：同一行内缺少“}}”（占位符不能跨行）',
    ]);
  });

  it('reports an empty placeholder', () => {
    expect(lines('\n\n  {{  }}')).toEqual(['data/report-template.md:3:3: 错误: 占位符“{{ }}”为空：请写上数据项，如 {{ funding.total }}']);
  });

  it('reports an unknown metric with a suggestion', () => {
    expect(lines('全年经费{{ funding.totl }}')).toEqual([
      'data/report-template.md:1:5: 错误: 未知的数据项“funding.totl”：summary.json 中没有这个数据项，是不是“funding.total”？',
    ]);
    expect(lines('{{ nothing.like.this }}')).toEqual([
      'data/report-template.md:1:1: 错误: 未知的数据项“nothing.like.this”：summary.json 中没有这个数据项（数据项名称见 summary.json 的 metrics）',
    ]);
  });

  it('reports an unknown indicator name, with a suggestion when one is close', () => {
    expect(lines('走访{{ 指标:走访调研驻军 }}')).toEqual([
      'data/report-template.md:1:3: 错误: 未知的指标“走访调研驻军”：indicators.csv 中没有这个指标，是不是“走访调研驻军次数”？',
    ]);
    expect(lines('{{ indicator:篮球场 }}')).toEqual([
      'data/report-template.md:1:1: 错误: 未知的指标“篮球场”：indicators.csv 中没有这个指标（指标名须与 indicators.csv “指标”列完全一致）',
    ]);
  });

  it('reports an unknown modifier', () => {
    expect(lines('{{ funding.total | growth }}')).toEqual([
      'data/report-template.md:1:1: 错误: 未知的修饰符“growth”：可用的修饰符有 value、yoy、prev、year、sum（或 数值、同比、上年、年份、合计）',
    ]);
  });

  it('reports a bad year or range argument', () => {
    expect(lines('{{ funding.total @20x3 }}\n{{ funding.total | sum 2025-2018 }}\n{{ funding.total | yoy 2 }}')).toEqual([
      'data/report-template.md:1:1: 错误: 修饰符“@”的参数“20x3”不对：应为4位年份（如 2023）或相对于报告年度的 0、-1、+1 等',
      'data/report-template.md:2:1: 错误: 修饰符“sum”的参数“2025-2018”不对：应为年份范围，如 2018-2025、2018..2025、-1..0（近两年）或 ..0（累计到报告年度）',
      'data/report-template.md:3:1: 错误: 修饰符“yoy”的参数“2”不对：此修饰符不带参数',
    ]);
  });

  it('reports conflicting modifiers and modifiers that do not apply', () => {
    expect(lines('{{ funding.total | yoy | value }}\n{{ funding.total | sum -1..0 | yoy }}\n{{ district | yoy }}\n{{ streak.title | value }}')).toEqual([
      'data/report-template.md:1:1: 错误: 修饰符“value”不能与“yoy”同时使用',
      'data/report-template.md:2:1: 错误: 修饰符“yoy”不能与“sum”同时使用',
      'data/report-template.md:3:1: 错误: 修饰符“yoy”不能用于“district”',
      'data/report-template.md:4:1: 错误: 修饰符“value”不能用于“streak.title”',
    ]);
  });

  it('reports a stray }} and a {{ inside a placeholder', () => {
    expect(lines('文字}}\n{{ funding.total {{ year }}')).toEqual([
      'data/report-template.md:1:3: 错误: 多余的“}}”：前面没有与之配对的“{{”',
      'data/report-template.md:2:1: 错误: 占位符中又出现了“{{”：请先用“}}”结束前一个占位符',
    ]);
  });

  it('counts every physical line (comments, blank lines, CRLF) and skips a BOM', () => {
    const tpl = '\uFEFF<!-- 说明\r\n{{ 注释里的 }}\r\n-->\r\n\r\n# 标题\r\n正文{{ funding.totl }}';
    expect(lines(tpl)).toEqual([
      'data/report-template.md:6:3: 错误: 未知的数据项“funding.totl”：summary.json 中没有这个数据项，是不是“funding.total”？',
    ]);
  });

  it('counts a character outside the BMP as one column', () => {
    expect(lines('𠀀𠀀{{ year | yoy }}')).toEqual(['data/report-template.md:1:3: 错误: 修饰符“yoy”不能用于“year”']);
  });

  it('reports every error in the file, by position, and renders no reports', () => {
    const r = build('{{ a.b }} 和 {{ c.d }}\n{{ }}');
    expect(r.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '1:1:report_unknown_metric',
      '1:13:report_unknown_metric',
      '2:1:report_empty',
    ]);
    expect(r.reports).toEqual([]);
  });

  it('uses the file path it is given', () => {
    const r = buildReports({ file: 'other/模板.md', text: '{{ }}' }, SUMMARY, DETAILS, { district: '示例区' });
    expect(r.issues[0]?.file).toBe('other/模板.md');
  });
});

describe('buildReports: missing data', () => {
  it('renders 「—（无数据）」 and one warning listing the years without data', () => {
    const r = build('\n单位{{ 指标:科技拥军单位 }}个');
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:2:3: 警告: 指标“科技拥军单位”在 2021、2022 年无数据，报告中显示为“—（无数据）”',
    ]);
    expect(r.reports.map((x) => x.text.split('\n')[2])).toEqual(['　　单位—（无数据）个', '　　单位—（无数据）个', '　　单位21个个']);
    expect(figures('{{ 指标:科技拥军单位 }}', 2021)[0]).toMatchObject({ text: MISSING_TEXT, missing: true, value: null });
  });

  it('warns once per placeholder occurrence, naming each line', () => {
    expect(lines('{{ school.placed }}\n{{ school.placed }}')).toEqual([
      'data/report-template.md:1:1: 警告: “驻军子女入学安排人数”（school.placed）在 2021、2022 年无数据，报告中显示为“—（无数据）”',
      'data/report-template.md:2:1: 警告: “驻军子女入学安排人数”（school.placed）在 2021、2022 年无数据，报告中显示为“—（无数据）”',
    ]);
  });

  it('warns when a fixed year has no data', () => {
    expect(lines('{{ funding.total @2019 }}')).toEqual([
      'data/report-template.md:1:1: 警告: “经费投入”（funding.total）在 2019 年无数据，2021、2022、2023 年的报告中显示为“—（无数据）”',
    ]);
  });

  it('sums what there is and warns when part of a range has no data', () => {
    expect(body('{{ militia.persons | sum -1..0 }}', 2022)).toBe('20人');
    expect(lines('{{ militia.persons | sum -1..0 }}')).toEqual([
      'data/report-template.md:1:1: 警告: “抓获涉案人员”（militia.persons）在 2020、2021 年无数据，2021 年的报告中显示为“—（无数据）”，2022 年的报告中只合计有数据的年份',
    ]);
  });

  it('does not count years before a metric began as missing in a cumulative sum', () => {
    expect(body('{{ militia.persons | sum ..0 }}')).toBe('50人');
    expect(lines('{{ militia.persons | sum ..0 }}')).toEqual([
      'data/report-template.md:1:1: 警告: “抓获涉案人员”（militia.persons）在 2021 年无数据，报告中显示为“—（无数据）”',
    ]);
  });

  it('warns when there is no streak as of a report year', () => {
    expect(body('连续{{ streak }}', 2021)).toBe('连续—（无数据）');
    expect(lines('连续{{ streak }}')).toEqual([
      'data/report-template.md:1:3: 警告: “双拥模范城”连续获评年数（streak）在 2021 年无数据，报告中显示为“—（无数据）”',
    ]);
  });
});

describe('report helpers', () => {
  it('sumExact adds decimals without float residue and gives 0 for no values', () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
    expect(sumExact([100.1, 0.2, 0.1])).toBe(100.4);
    expect(sumExact([])).toBe(0);
  });

  it('streakOfYears counts back from the latest honour year up to the given year', () => {
    const years = new Set([2018, 2019, 2021, 2022, 2023]);
    expect(streakOfYears(years, 2023)).toEqual({ years: 3, through: 2023 });
    expect(streakOfYears(years, 2020)).toEqual({ years: 2, through: 2019 });
    expect(streakOfYears(years, 2017)).toEqual({ years: 0, through: null });
  });
});

describe('figure text', () => {
  it('uses the decimals of the figure’s table: the catalog’s for fixed metrics and breakdowns, at most two for indicators', () => {
    expect(formatFigure(53.1, '万元', 'full', 'funding.category:民兵整组')).toBe('53.10万元');
    expect(formatFigure(1344.7, '万元', 'full', 'funding.total')).toBe('1,344.70万元');
    expect(formatFigure(1234.6, '人次', 'full', 'training.participants')).toBe('1,235人次');
    expect(formatFigure(166.234, '平方米', 'full', 'indicator:新增战备器材库面积')).toBe('166.23平方米');
    expect(formatFigure(96.2, '%', 'full', 'indicator:优抚资金发放率')).toBe('96.2%');
    expect(formatFigure(100, '%', 'value', 'indicator:优抚资金发放率')).toBe('100');
  });

  it('words a change without spaces, 持平 when it rounds to zero', () => {
    expect(formatFigure(0.0762, '万元', 'yoy')).toBe('增长7.6%');
    expect(formatFigure(-0.03, '起', 'yoy')).toBe('下降3.0%');
    expect(formatFigure(0.0004, '起', 'yoy')).toBe('持平');
    expect(formatFigure(Number.NaN, '起', 'full')).toBe('—');
  });
});
