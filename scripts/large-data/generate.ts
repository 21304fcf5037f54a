/**
 * The large data set for scale checks (issue 12 item 9): 40 years, 3,000 honours, 1,000,000 militia rows and
 * proportionate funding, training, school and indicator files, all valid under the data contract.
 * Deterministic (seeded), streamed to disk so a million rows never sit in memory.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { makeRandom } from '../make-random.ts';

export interface LargeDataOptions {
  /** Last year of data (default 2025); the first is `lastYear - years + 1`. */
  lastYear: number;
  years: number;
  honors: number;
  militiaRows: number;
  /** Funding rows per category and year. */
  fundingPerCategory: number;
  /** Training rows per year. */
  trainingPerYear: number;
  /** Military units per stage and year in school_placements.csv. */
  schoolUnits: number;
}

/** The set issue 12 names: 40 years, 3,000 honours, 1M militia rows. */
export const LARGE_DEFAULTS: LargeDataOptions = {
  lastYear: 2025,
  years: 40,
  honors: 3000,
  militiaRows: 1_000_000,
  fundingPerCategory: 25,
  trainingPerYear: 250,
  schoolUnits: 25,
};

/** Rows written per file, keyed by file name. */
export type LargeDataCounts = Record<string, number>;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 30));

function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Streams rows to a CSV file (UTF-8, LF) in chunks; resolves with the row count. */
async function writeRows(file: string, header: readonly string[], rows: Iterable<readonly (string | number)[]>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write(`${header.join(',')}\n`);
  let n = 0;
  let chunk = '';
  for (const r of rows) {
    chunk += `${r.map(field).join(',')}\n`;
    n++;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return n;
}

const FUNDING: readonly { category: string; base: number; from: number; projects: readonly string[] }[] = [
  { category: '人武部规范化建设', base: 118, from: 0, projects: ['办事处人武部标准化建设', '战备器材库改造', '训练器材购置'] },
  { category: '民兵整组', base: 42, from: 0, projects: ['民兵整组专项经费', '应急分队装备补充'] },
  { category: '拥军设施建设', base: 156, from: 0, projects: ['驻军训练场新建改建', '训练室建设', '营区道路改造'] },
  { category: '营区环境整治', base: 205, from: 5, projects: ['营区周边环境治理', '周边污染企业关停搬迁补助'] },
  { category: '科技拥军', base: 76, from: 20, projects: ['科技拥军专项资金', '专业技术人才培训'] },
  { category: '优抚资金', base: 318, from: 0, projects: ['各类优抚资金发放', '春节八一慰问金'] },
  { category: '国防教育', base: 31, from: 0, projects: ['全民国防教育日活动', '学生军训保障'] },
  { category: '其他', base: 14, from: 0, projects: ['双拥宣传', '军地联席会议'] },
];

const SUBDISTRICTS = ['东城街道', '西城街道', '南关街道', '北苑街道办事处', '新华街道', '文化路街道', '科技园街道', '长兴街道', '滨河街道', '高新区管委会', '城关镇', '东湖街道', '西湖街道', '站前街道'] as const;
const CASE_TYPES: readonly { type: string; from: number }[] = [
  { type: '盗窃', from: 0 },
  { type: '治安纠纷', from: 0 },
  { type: '电信诈骗', from: 20 },
  { type: '寻衅滋事', from: 0 },
  { type: '其他', from: 0 },
  { type: '', from: 0 },
];

const TRAINING: readonly { kind: string; participants: [number, number] }[] = [
  { kind: '专业技能培训', participants: [20, 120] },
  { kind: '函授教育', participants: [10, 60] },
  { kind: '普法教育', participants: [30, 300] },
  { kind: '法律骨干培训', participants: [10, 40] },
  { kind: '国防教育', participants: [100, 2000] },
  { kind: '军事日', participants: [20, 90] },
  { kind: '学生军训', participants: [200, 1500] },
];

const STAGES = ['幼儿园', '小学', '初中', '高中'] as const;

const HONOR_KINDS: readonly { title: string; by: string; level: '国家级' | '省级' | '市级' | '区级'; weight: number; person: boolean }[] = [
  { title: '全国模范退役军人服务站', by: '全国双拥工作领导小组办公室', level: '国家级', weight: 1, person: false },
  { title: '全国拥军优属模范', by: '全国双拥工作领导小组办公室', level: '国家级', weight: 1, person: true },
  { title: '支持国防建设十佳单位', by: '示例省国防动员委员会', level: '省级', weight: 3, person: false },
  { title: '省级拥军优属模范个人', by: '示例省双拥工作领导小组', level: '省级', weight: 3, person: true },
  { title: '省级国防教育示范学校', by: '示例省国防教育委员会', level: '省级', weight: 2, person: false },
  { title: '先进人武部', by: '示例军分区', level: '市级', weight: 4, person: false },
  { title: '先进专武干部', by: '示例军分区', level: '市级', weight: 6, person: true },
  { title: '民兵整组先进单位', by: '示例军分区', level: '市级', weight: 5, person: false },
  { title: '双拥工作先进个人', by: '示例区人民政府', level: '区级', weight: 12, person: true },
  { title: '双拥工作先进单位', by: '示例区人民政府', level: '区级', weight: 8, person: false },
  { title: '警民协防先进集体', by: '示例区人民政府', level: '区级', weight: 6, person: false },
  { title: '优秀民兵', by: '示例区人武部', level: '区级', weight: 10, person: true },
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '秀兰', '志强', '海峰', '晓东', '丽萍', '强', '伟', '芳', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英', '红梅', '卫东', '国庆', '振华', '德胜'];
const UNITS = ['人武部', '退役军人服务站', '民兵应急分队', '社区居委会', '第一中学', '第二小学', '派出所', '卫生院'];

/** The sample's indicators (the report template names them all); `of` derives one from another (胜诉 ≤ 代理). */
const INDICATORS: readonly { section: string; indicator: string; unit: string; base: number; pct?: boolean; of?: string }[] = [
  { section: '驻军概况', indicator: '辖区正军级单位', unit: '个', base: 3 },
  { section: '驻军概况', indicator: '辖区副军级单位', unit: '个', base: 3 },
  { section: '驻军概况', indicator: '辖区团级单位', unit: '个', base: 15 },
  { section: '规范化建设', indicator: '现场办公次数', unit: '次', base: 12 },
  { section: '规范化建设', indicator: '标准化建设办事处人武部', unit: '个', base: 2 },
  { section: '规范化建设', indicator: '新增战备器材库面积', unit: '平方米', base: 260 },
  { section: '规范化建设', indicator: '新增战备器材和训练设施', unit: '套', base: 80 },
  { section: '规范化建设', indicator: '武装部长进入同级党委', unit: '人', base: 8 },
  { section: '服务部队官兵', indicator: '走访调研驻军次数', unit: '次', base: 22 },
  { section: '服务部队官兵', indicator: '新建改建训练场', unit: '个', base: 3 },
  { section: '服务部队官兵', indicator: '新建改建篮球场', unit: '个', base: 5 },
  { section: '服务部队官兵', indicator: '新建改建训练室', unit: '个', base: 4 },
  { section: '服务部队官兵', indicator: '关停搬迁污染企业', unit: '家', base: 6 },
  { section: '服务部队官兵', indicator: '科技拥军单位', unit: '个', base: 15 },
  { section: '服务部队官兵', indicator: '法律咨询服务官兵和军属', unit: '人', base: 180 },
  { section: '服务部队官兵', indicator: '调解涉军纠纷', unit: '起', base: 38 },
  { section: '服务部队官兵', indicator: '代理涉军案件', unit: '起', base: 18 },
  { section: '服务部队官兵', indicator: '涉军案件胜诉', unit: '起', base: 0.85, of: '代理涉军案件' },
  { section: '服务部队官兵', indicator: '转业干部安置', unit: '名', base: 45 },
  { section: '服务部队官兵', indicator: '随军家属就业', unit: '名', base: 33 },
  { section: '服务部队官兵', indicator: '优抚资金发放率', unit: '%', base: 97, pct: true },
  { section: '国防氛围', indicator: '双拥标语牌', unit: '块', base: 120 },
  { section: '国防氛围', indicator: '宣传标语横幅', unit: '条', base: 300 },
  { section: '国防氛围', indicator: '科技创新联盟军级单位', unit: '家', base: 6 },
];

/**
 * Writes funding, militia_cases, training_sessions, school_placements, honors and indicators CSVs plus a
 * config.json (示例区, sample data) into `dir`; resolves with the rows written per file.
 */
export async function writeLargeData(dir: string, options: Partial<LargeDataOptions> = {}): Promise<LargeDataCounts> {
  const o: LargeDataOptions = { ...LARGE_DEFAULTS, ...options };
  const rand = makeRandom(19860101);
  const between = (lo: number, hi: number): number => lo + (hi - lo) * rand();
  const int = (lo: number, hi: number): number => Math.floor(between(lo, hi + 1));
  const first = o.lastYear - o.years + 1;
  const years = Array.from({ length: o.years }, (_, i) => first + i);
  /** Slow growth with a dip every seventh year, so changes go both ways. */
  const factor = (y: number): number => (1 + 0.03 * (y - first)) * ((y - first) % 7 === 6 ? 0.9 : 1);
  mkdirSync(dir, { recursive: true });
  const counts: LargeDataCounts = {};

  counts['funding.csv'] = await writeRows(join(dir, 'funding.csv'), ['year', 'category', 'project', 'amount_wan', 'recipient', 'note'], (function* () {
    for (const y of years) {
      for (const c of FUNDING) {
        if (y - first < c.from) continue;
        for (let k = 0; k < o.fundingPerCategory; k++) {
          const amount = (c.base * factor(y) * between(0.6, 1.4)) / o.fundingPerCategory;
          yield [y, c.category, `${c.projects[k % c.projects.length] ?? c.category}（第${k + 1}批）`, amount.toFixed(2), "", ""];
        }
      }
    }
  })());

  // Every (day, 街道, type) at most once a year, so no row repeats; the quota per year is met by skipping at random.
  let written = 0;
  counts['militia_cases.csv'] = await writeRows(join(dir, 'militia_cases.csv'), ['date', 'subdistrict', 'case_type', 'cases', 'persons', 'note'], (function* () {
    for (const [i, y] of years.entries()) {
      const types = CASE_TYPES.filter((t) => y - first >= t.from);
      const slots = 365 * SUBDISTRICTS.length * types.length;
      const quota = Math.min(Math.ceil((o.militiaRows - written) / (o.years - i)), slots);
      const keep = quota / slots;
      let inYear = 0;
      for (let m = 1; m <= 12 && inYear < quota; m++) {
        for (let d = 1; d <= daysIn(y, m) && inYear < quota; d++) {
          for (const sd of SUBDISTRICTS) {
            for (const t of types) {
              if (inYear >= quota) break;
              if (rand() > keep * 1.02) continue;
              const cases = int(0, 3);
              yield [`${y}-${pad2(m)}-${pad2(d)}`, sd, t.type, cases, cases + int(0, 2), ''];
              inYear++;
            }
          }
        }
      }
      written += inYear;
    }
  })());

  counts['training_sessions.csv'] = await writeRows(join(dir, 'training_sessions.csv'), ['date', 'kind', 'title', 'sessions', 'participants', 'organizer'], (function* () {
    for (const y of years) {
      for (let k = 0; k < o.trainingPerYear; k++) {
        const t = TRAINING[k % TRAINING.length]!;
        const m = int(1, 12);
        yield [`${y}-${pad2(m)}-${pad2(int(1, daysIn(y, m)))}`, t.kind, `${t.kind}第${k + 1}期`, int(1, 4), Math.round(int(t.participants[0], t.participants[1]) * factor(y)), ''];
      }
    }
  })());

  counts['school_placements.csv'] = await writeRows(join(dir, 'school_placements.csv'), ['year', 'stage', 'requested', 'placed', 'unit', 'school'], (function* () {
    for (const y of years) {
      for (const s of STAGES) {
        for (let u = 1; u <= o.schoolUnits; u++) {
          const requested = int(1, 8);
          yield [y, s, requested, rand() < 0.85 ? requested : int(0, requested), `某部队${u}分队`, ''];
        }
      }
    }
  })());

  const weightSum = HONOR_KINDS.reduce((s, k) => s + k.weight, 0);
  const streakFrom = first + 4;
  counts['honors.csv'] = await writeRows(join(dir, 'honors.csv'), ['year', 'title', 'conferred_by', 'recipient', 'level', 'note'], (function* () {
    let n = 0;
    for (const [i, y] of years.entries()) {
      const quota = Math.floor((o.honors * (i + 1)) / o.years) - Math.floor((o.honors * i) / o.years);
      const seen = new Set<string>();
      for (let k = 0; k < quota; k++, n++) {
        if (k === 0 && y >= streakFrom) {
          yield [y, '双拥模范城', '示例市人民政府', '示例区', '市级', ''];
          continue;
        }
        // Redraw until the (title, recipient) pair is new this year: no row repeats.
        let kind: (typeof HONOR_KINDS)[number];
        let who: string;
        do {
          let r = rand() * weightSum;
          kind = HONOR_KINDS.find((h) => (r -= h.weight) < 0) ?? HONOR_KINDS[HONOR_KINDS.length - 1]!;
          who = kind.person
            ? `${SURNAMES[int(0, SURNAMES.length - 1)]}${GIVEN[int(0, GIVEN.length - 1)]}`
            : `${SUBDISTRICTS[int(0, SUBDISTRICTS.length - 1)]}${UNITS[int(0, UNITS.length - 1)]}`;
        } while (seen.has(`${kind.title}|${who}`));
        seen.add(`${kind.title}|${who}`);
        yield [y, kind.title, kind.by, who, kind.level, n % 97 === 0 ? '记大功一次' : ''];
      }
    }
  })());

  counts['indicators.csv'] = await writeRows(join(dir, 'indicators.csv'), ['year', 'section', 'indicator', 'value', 'unit'], (function* () {
    for (const y of years) {
      const values = new Map<string, number>();
      for (const ind of INDICATORS) {
        const n = ind.of !== undefined ? Math.floor((values.get(ind.of) ?? 0) * ind.base) : Math.round(ind.base * factor(y) * between(0.85, 1.15));
        values.set(ind.indicator, n);
        yield [y, ind.section, ind.indicator, ind.pct ? `${Math.min(100, ind.base + 0.1 * (y - first)).toFixed(1)}%` : n, ind.unit];
      }
    }
  })());

  writeFileSync(
    join(dir, 'config.json'),
    `${JSON.stringify({ district: '示例区', siteTitle: '党管武装与双拥工作统计', streakTitle: '双拥模范城', source: '示例区党管武装工作领导小组办公室', sampleData: true }, null, 2)}\n`,
  );
  return counts;
}
