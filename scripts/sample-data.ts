/**
 * Writes the illustrative data set in data/ (fictional district 示例区, 2018–2025).
 * Deterministic: a seeded PRNG, so rerunning gives byte-identical files.
 *
 *   npx tsx scripts/sample-data.ts [--out-dir data]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs } from '../src/lib/cli/args.ts';
import { EXIT } from '../src/lib/cli/errors.ts';
import { runCli, type Command } from '../src/lib/cli/main.ts';
import { makeRandom } from './make-random.ts';

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
const FIRST = YEARS[0];

const rand = makeRandom(20180801);
const between = (lo: number, hi: number): number => lo + (hi - lo) * rand();
const intBetween = (lo: number, hi: number): number => Math.floor(between(lo, hi + 1));
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Overall growth with a dip in 2020 and a softer one in 2022, so yoy goes both ways. */
const YEAR_FACTOR: Record<number, number> = {
  2018: 1.0, 2019: 1.09, 2020: 0.94, 2021: 1.12, 2022: 1.07, 2023: 1.21, 2024: 1.3, 2025: 1.38,
};
const yf = (year: number): number => YEAR_FACTOR[year] ?? 1;

/** Up to 2 decimals, trailing zeros dropped (45.5, 120, 33.27). */
function money(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

interface CsvShape {
  bom: boolean;
  eol: '\r\n' | '\n';
}
const EXCEL: CsvShape = { bom: true, eol: '\r\n' };
const PLAIN: CsvShape = { bom: false, eol: '\n' };

function writeCsv(dir: string, file: string, header: readonly string[], rows: readonly (readonly (string | number)[])[], shape: CsvShape): number {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  const text = (shape.bom ? '\uFEFF' : '') + lines.join(shape.eol) + shape.eol;
  writeFileSync(join(dir, file), text, 'utf8');
  return rows.length;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

// ---------------------------------------------------------------- funding
const FUNDING_CATEGORIES: readonly { category: string; base: number; from: number; projects: readonly string[]; recipients: readonly string[] }[] = [
  {
    category: '人武部规范化建设', base: 118, from: 2018,
    projects: ['办事处人武部标准化建设', '战备器材库改造', '人武部办公秩序规范化建设', '训练器材购置'],
    recipients: ['示例区人武部', '东城街道人武部', '南关街道人武部', '科技园街道人武部'],
  },
  {
    category: '民兵整组', base: 42, from: 2018,
    projects: ['民兵整组专项经费', '应急分队装备补充', '民兵政治教育'],
    recipients: ['示例区人武部', '各办事处人武部'],
  },
  {
    category: '拥军设施建设', base: 156, from: 2018,
    projects: ['驻军训练场新建改建', '驻军篮球场改建', '训练室建设', '营区道路改造'],
    recipients: ['某部队一分队', '某部队二分队', '某部队三分队', '某部队四分队'],
  },
  {
    category: '营区环境整治', base: 205, from: 2018,
    projects: ['营区周边环境治理', '营区周边道路改造提升', '周边污染企业关停搬迁补助'],
    recipients: ['某部队五分队', '某基地营区', '示例区生态环境分局'],
  },
  {
    category: '科技拥军', base: 76, from: 2020,
    projects: ['科技拥军专项资金', '专业技术人才培训', '函授本科教育补助'],
    recipients: ['示例区科技局', '示例职业技术学院', '某部队二分队'],
  },
  {
    category: '优抚资金', base: 318, from: 2018,
    projects: ['各类优抚资金发放', '重点优抚对象补助', '春节八一慰问金'],
    recipients: ['示例区退役军人事务局'],
  },
  {
    category: '国防教育', base: 31, from: 2018,
    projects: ['全民国防教育日活动', '学生军训保障', '征兵宣传'],
    recipients: ['示例区教育局', '示例区人武部', '示例区融媒体中心'],
  },
  {
    category: '其他', base: 14, from: 2018,
    projects: ['双拥宣传', '军地联席会议', '军人军属权益工作站运行'],
    recipients: ['示例区双拥办', '示例区司法局'],
  },
];

function fundingRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const year of YEARS) {
    for (const c of FUNDING_CATEGORIES) {
      if (year < c.from) continue;
      // A new category ramps up over its first years.
      const ramp = c.from > FIRST ? Math.min(1, 0.55 + 0.15 * (year - c.from)) : 1;
      const total = c.base * yf(year) * ramp * between(0.9, 1.1);
      const n = intBetween(1, Math.min(3, c.projects.length));
      const weights = Array.from({ length: n }, () => between(0.5, 1.5));
      const sum = weights.reduce((a, b) => a + b, 0);
      const projects = shuffle(c.projects).slice(0, n);
      projects.forEach((project, i) => {
        const w = weights[i] ?? 1;
        const note = rand() < 0.25 ? pick(['区财政预算安排', '年中追加', '上级补助资金', '']) : '';
        rows.push([year, c.category, project, money((total * w) / sum), pick(c.recipients), note]);
      });
    }
  }
  // One note with an ASCII comma, so the file exercises RFC 4180 quoting.
  const target = rows.find((r) => r[0] === 2023 && r[1] === '人武部规范化建设');
  if (target) target[5] = '含器材购置,场地改造';
  return rows;
}

// ---------------------------------------------------------------- militia cases
const SUBDISTRICTS = ['东城街道', '西城街道', '南关街道', '北苑街道', '新华街道', '文化路街道', '科技园街道', '长兴街道'] as const;
/** Theft falls over the years, telecom fraud rises: the mix shifts, the total grows slowly. */
const CASE_TYPES: readonly { type: string; base: number; trend: number }[] = [
  { type: '盗窃', base: 9, trend: -0.07 },
  { type: '治安纠纷', base: 7, trend: 0.02 },
  { type: '电信诈骗', base: 3, trend: 0.22 },
  { type: '其他', base: 4, trend: 0 },
];

function militiaDate(year: number, i: number): string {
  const month = intBetween(1, 12);
  const day = intBetween(1, DAYS_IN_MONTH[month - 1] ?? 28);
  const form = i % 17 === 5 ? 'slash' : i % 23 === 11 ? 'month' : 'iso';
  if (form === 'slash') return `${year}/${month}/${day}`;
  if (form === 'month') return `${year}年${month}月`;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function militiaRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  let i = 0;
  for (const year of YEARS) {
    for (const sd of SUBDISTRICTS) {
      const size = sd === '科技园街道' || sd === '东城街道' ? 1.4 : sd === '长兴街道' ? 0.7 : 1;
      for (const t of CASE_TYPES) {
        if (rand() < 0.2) continue; // not every 街道 reports every type every year
        const expected = t.base * size * Math.exp(t.trend * (year - FIRST)) * (year === 2020 ? 0.85 : 1);
        const cases = Math.max(0, Math.round(expected * between(0.7, 1.3)));
        const persons = Math.round(cases * between(0.8, 1.6));
        const caseType = rand() < 0.06 ? '' : t.type;
        const note = rand() < 0.15 ? pick(['配合警务室联合巡逻', '夜间巡防', '节假日专项行动']) : '';
        rows.push([militiaDate(year, i), sd, caseType, cases, persons, note]);
        i++;
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------- training sessions
const TRAINING: readonly { kind: string; base: number; rows: [number, number]; sessions: [number, number] | null; month: number[]; titles: readonly string[]; organizers: readonly string[] }[] = [
  { kind: '专业技能培训', base: 1200, rows: [1, 2], sessions: [2, 5], month: [4, 5, 10], titles: ['汽车修理培训班', '电工技能培训班', '计算机应用培训班'], organizers: ['示例职业技术学院', '示例区人社局'] },
  { kind: '函授教育', base: 120, rows: [1, 1], sessions: [1, 3], month: [3, 9], titles: ['函授本科班', '函授专科班'], organizers: ['示例职业技术学院'] },
  { kind: '普法教育', base: 420, rows: [1, 2], sessions: [2, 6], month: [6, 12], titles: ['军人军属权益保护报告会', '国防法律法规宣讲'], organizers: ['示例区维护军人军属合法权益工作站', '示例区司法局'] },
  { kind: '法律骨干培训', base: 55, rows: [1, 1], sessions: [1, 2], month: [7, 11], titles: ['部队法律骨干培训班'], organizers: ['示例区司法局'] },
  { kind: '国防教育', base: 15000, rows: [2, 3], sessions: [3, 12], month: [5, 9, 10], titles: ['全民国防教育日主题活动', '国防知识进企业', '国防教育进校园'], organizers: ['示例区人武部', '示例区教育局'] },
  { kind: '军事日', base: 85, rows: [1, 1], sessions: null, month: [8], titles: ['领导干部“军事日”活动'], organizers: ['示例区人武部'] },
  { kind: '学生军训', base: 3600, rows: [1, 2], sessions: null, month: [8, 9], titles: ['高一新生军训', '初一新生国防教育营'], organizers: ['示例区教育局'] },
];

function trainingRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const year of YEARS) {
    for (const t of TRAINING) {
      const n = intBetween(t.rows[0], t.rows[1]);
      for (let k = 0; k < n; k++) {
        const month = pick(t.month);
        const day = t.kind === '军事日' ? 1 : intBetween(1, 28);
        const sessions = t.sessions === null ? (rand() < 0.5 ? '' : 1) : intBetween(t.sessions[0], t.sessions[1]);
        const covid = year === 2020 && (t.kind === '国防教育' || t.kind === '学生军训') ? 0.6 : 1;
        const participants = Math.round((t.base / n) * yf(year) * covid * between(0.85, 1.15));
        rows.push([`${year}-${pad2(month)}-${pad2(day)}`, t.kind, t.titles[k % t.titles.length] ?? t.kind, sessions, participants, pick(t.organizers)]);
      }
    }
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return rows;
}

// ---------------------------------------------------------------- school placements
const STAGES: readonly { stage: string; perUnit: [number, number]; school: string }[] = [
  { stage: '幼儿园', perUnit: [4, 11], school: '示例区实验幼儿园' },
  { stage: '小学', perUnit: [6, 15], school: '示例区第一小学' },
  { stage: '初中', perUnit: [3, 9], school: '示例区第二中学' },
  { stage: '高中', perUnit: [1, 6], school: '示例区第一中学' },
];
const UNITS = ['某部队一分队', '某部队二分队', '某部队三分队', '某部队四分队', '某部队五分队'] as const;

function schoolRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const year of YEARS) {
    for (const s of STAGES) {
      const units = shuffle(UNITS).slice(0, intBetween(2, 4)).sort();
      for (const unit of units) {
        const requested = Math.max(1, Math.round(intBetween(s.perUnit[0], s.perUnit[1]) * (0.9 + 0.05 * (year - FIRST))));
        const placed = rand() < 0.8 ? requested : requested - intBetween(1, Math.min(2, requested));
        rows.push([year, s.stage, requested, placed, unit, s.school]);
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------- honors
function honorRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const year of YEARS) {
    rows.push([year, '双拥模范城', '示例市人民政府', '示例区', '市级', '']);
    if (year % 2 === 1) rows.push([year, '支持国防建设十佳单位', '示例省国防动员委员会', '示例区', '省级', '']);
    if (year === 2018 || year === 2020 || year === 2022 || year === 2024) rows.push([year, '先进人武部', '示例军分区', '示例区人武部', '市级', '']);
  }
  rows.push(
    [2019, '全国模范退役军人服务站', '全国双拥工作领导小组办公室', '东城街道退役军人服务站', '国家级', ''],
    [2021, '全国模范军队转业干部', '全国双拥工作领导小组办公室', '王建国', '国家级', ''],
    [2024, '全国拥军优属模范', '全国双拥工作领导小组办公室', '李秀兰', '国家级', ''],
    [2018, '省级拥军优属先进单位', '示例省双拥工作领导小组', '示例区退役军人事务局', '省级', ''],
    [2020, '省级国防教育示范学校', '示例省国防教育委员会', '示例区第一中学', '省级', ''],
    [2022, '省级拥军优属模范个人', '示例省双拥工作领导小组', '赵志强', '省级', ''],
    [2025, '省级国防教育示范学校', '示例省国防教育委员会', '示例区第二中学', '省级', ''],
    [2019, '先进专武干部', '示例军分区', '刘海峰', '市级', ''],
    [2023, '民兵整组先进单位', '示例军分区', '科技园街道人武部', '市级', ''],
    [2025, '先进人武部', '示例军分区', '示例区人武部', '市级', '连续第五次获评'],
    [2018, '双拥工作先进个人', '示例区人民政府', '陈晓东', '区级', ''],
    [2019, '双拥工作先进单位', '示例区人民政府', '南关街道办事处', '区级', ''],
    [2020, '警民协防先进集体', '示例区人民政府', '文化路街道民兵应急分队', '区级', ''],
    [2021, '双拥工作先进单位', '示例区人民政府', '新华街道办事处', '区级', ''],
    [2022, '警民协防先进集体', '示例区人民政府', '长兴街道民兵应急分队', '区级', ''],
    [2023, '双拥工作先进个人', '示例区人民政府', '孙丽萍', '区级', '随军家属就业帮扶'],
    [2024, '双拥工作先进单位', '示例区人民政府', '北苑街道办事处', '区级', ''],
    [2025, '优秀民兵', '示例区人武部', '周强', '区级', ''],
  );
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  return rows;
}

// ---------------------------------------------------------------- indicators
type Series = (year: number) => number | string | null;
const steps = (values: readonly number[]): Series => (year) => values[year - FIRST] ?? null;
const growing = (base: number, rate: number, jitter = 0.1, from = FIRST): Series => (year) => {
  if (year < from) return null;
  return Math.round(base * Math.pow(1 + rate, year - from) * yf(year) / yf(from) * between(1 - jitter, 1 + jitter));
};

const INDICATORS: readonly { section: string; indicator: string; unit: string; series: Series }[] = [
  { section: '驻军概况', indicator: '辖区正军级单位', unit: '个', series: steps([3, 3, 3, 3, 3, 3, 3, 3]) },
  { section: '驻军概况', indicator: '辖区副军级单位', unit: '个', series: steps([2, 2, 2, 3, 3, 3, 3, 3]) },
  { section: '驻军概况', indicator: '辖区团级单位', unit: '个', series: steps([16, 16, 15, 15, 14, 14, 14, 15]) },
  { section: '规范化建设', indicator: '现场办公次数', unit: '次', series: steps([10, 12, 9, 12, 12, 13, 14, 15]) },
  { section: '规范化建设', indicator: '标准化建设办事处人武部', unit: '个', series: steps([2, 2, 1, 1, 1, 1, 0, 0]) },
  { section: '规范化建设', indicator: '新增战备器材库面积', unit: '平方米', series: (y) => (y < 2021 ? null : money(between(150, 420))) },
  { section: '规范化建设', indicator: '新增战备器材和训练设施', unit: '套', series: growing(80, 0.08, 0.15) },
  { section: '规范化建设', indicator: '武装部长进入同级党委', unit: '人', series: steps([6, 7, 7, 8, 8, 8, 8, 8]) },
  { section: '服务部队官兵', indicator: '走访调研驻军次数', unit: '次', series: growing(22, 0.06) },
  { section: '服务部队官兵', indicator: '新建改建训练场', unit: '个', series: steps([2, 3, 1, 3, 2, 4, 3, 4]) },
  { section: '服务部队官兵', indicator: '新建改建篮球场', unit: '个', series: steps([4, 5, 3, 6, 5, 6, 7, 8]) },
  { section: '服务部队官兵', indicator: '新建改建训练室', unit: '个', series: steps([3, 4, 2, 5, 4, 6, 6, 7]) },
  { section: '服务部队官兵', indicator: '关停搬迁污染企业', unit: '家', series: steps([12, 9, 6, 5, 3, 2, 2, 1]) },
  { section: '服务部队官兵', indicator: '科技拥军单位', unit: '个', series: (y) => (y < 2020 ? null : [0, 0, 12, 15, 17, 18, 20, 21][y - FIRST] ?? null) },
  { section: '服务部队官兵', indicator: '法律咨询服务官兵和军属', unit: '人', series: growing(180, 0.1) },
  { section: '服务部队官兵', indicator: '调解涉军纠纷', unit: '起', series: growing(38, 0.05, 0.15) },
  { section: '服务部队官兵', indicator: '代理涉军案件', unit: '起', series: steps([14, 16, 13, 18, 20, 19, 22, 24]) },
  { section: '服务部队官兵', indicator: '涉军案件胜诉', unit: '起', series: steps([11, 13, 10, 15, 17, 16, 19, 21]) },
  { section: '服务部队官兵', indicator: '转业干部安置', unit: '名', series: steps([42, 38, 45, 51, 47, 39, 44, 48]) },
  { section: '服务部队官兵', indicator: '随军家属就业', unit: '名', series: steps([26, 31, 24, 33, 35, 37, 40, 43]) },
  { section: '服务部队官兵', indicator: '优抚资金发放率', unit: '%', series: steps([96.2, 97.5, 98.6, 99.3, 100, 100, 100, 100]) },
  { section: '国防氛围', indicator: '双拥标语牌', unit: '块', series: growing(120, 0.07, 0.12) },
  { section: '国防氛围', indicator: '宣传标语横幅', unit: '条', series: growing(300, 0.05, 0.12) },
  { section: '国防氛围', indicator: '科技创新联盟军级单位', unit: '家', series: (y) => (y < 2021 ? null : [5, 6, 6, 7, 8][y - 2021] ?? null) },
];

function indicatorRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const year of YEARS) {
    for (const ind of INDICATORS) {
      const v = ind.series(year);
      if (v === null) continue;
      rows.push([year, ind.section, ind.indicator, ind.unit === '%' ? `${v}%` : v, ind.unit]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------- main
const sampleDataCommand: Command = async (argv, { io }) => {
  const outDir = resolve(readArgs(argv, { 'out-dir': 'value' }, '用法：npx tsx scripts/sample-data.ts [--out-dir 目录]')['out-dir'] ?? 'data');
  mkdirSync(outDir, { recursive: true });
  // Generation order is fixed: each dataset draws from the same PRNG stream.
  const counts = {
    'funding.csv': writeCsv(outDir, 'funding.csv', ['年度', '类别', '项目', '金额（万元）', '受益单位', '备注'], fundingRows(), EXCEL),
    'militia_cases.csv': writeCsv(outDir, 'militia_cases.csv', ['日期', '办事处', '案件类型', '查处案件数', '抓获涉案人员数', '备注'], militiaRows(), PLAIN),
    'training_sessions.csv': writeCsv(outDir, 'training_sessions.csv', ['date', 'kind', 'title', 'sessions', 'participants', 'organizer'], trainingRows(), PLAIN),
    'school_placements.csv': writeCsv(outDir, 'school_placements.csv', ['year', 'stage', 'requested', 'placed', 'unit', 'school'], schoolRows(), PLAIN),
    'honors.csv': writeCsv(outDir, 'honors.csv', ['年度', '荣誉名称', '授予单位', '获得者', '级别', '备注'], honorRows(), EXCEL),
    'indicators.csv': writeCsv(outDir, 'indicators.csv', ['年度', '栏目', '指标', '数值', '单位'], indicatorRows(), PLAIN),
  };
  for (const [file, n] of Object.entries(counts)) io.out(`${join(outDir, file)}: ${n} 行`);
  return EXIT.ok;
};

await runCli(sampleDataCommand);
