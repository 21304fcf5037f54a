/**
 * Issue 10 as an attacker would try it, on the data step: each test builds a data folder, runs the pipeline and
 * checks the exact lines an admin sees (file:line:column) and that the run fails where nothing may be published.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { normalizeConfig } from '../../../src/lib/shared/config.ts';
import { encodeGbk } from '../../support/gbk.ts';

const NOW = new Date('2026-11-29T06:00:00.000Z');
const FUNDING = 'year,category,amount_wan\n';
const HONORS = 'year,title,conferred_by,recipient,level,note\n';
const MILITIA = 'date,subdistrict,case_type,cases,persons\n';

function folder(files: Record<string, string | Buffer>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'attack-')), 'data');
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

async function run(dir: string) {
  const r = await runPipeline({ dataDir: dir, displayDir: 'data', now: NOW, config: normalizeConfig({}) });
  return { ...r, lines: r.issues.map(formatIssue) };
}

describe('every file accounted for (issue 10 item 1)', () => {
  it('reports a dangling link, a link loop, a folder and a pipe under our names as unreadable, never 未提供', async () => {
    const dir = folder({ 'funding.csv': `${FUNDING}2024,国防教育,1\n` });
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'honors.csv'));
    symlinkSync(join(dir, 'indicators.csv'), join(dir, 'indicators.csv'));
    mkdirSync(join(dir, 'militia_cases.csv'));
    execFileSync('mkfifo', [join(dir, 'training_sessions.csv')]);
    const r = await run(dir);
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual([
      'data/honors.csv:1:1: 错误: 无法读取文件：这是一个链接（快捷方式），但它指向的文件不存在',
      'data/indicators.csv:1:1: 错误: 无法读取文件：这是一个循环指向自身的链接（快捷方式）',
      'data/militia_cases.csv:1:1: 错误: 无法读取文件：这是一个文件夹，不是文件',
      'data/training_sessions.csv:1:1: 错误: 无法读取文件：这是一个管道（FIFO），不是普通文件',
    ]);
    expect(r.files.filter((f) => f.present).map((f) => f.dataset)).toEqual(['funding', 'militia_cases', 'training_sessions', 'honors', 'indicators']);
  });

  it('names the file each misnamed copy, case, extension or workbook should be', async () => {
    const dir = folder({
      'funding.csv': `${FUNDING}2024,国防教育,1\n`,
      'Funding.csv': `${FUNDING}2024,国防教育,2\n`,
      'indicators.CSV': 'x\n',
      'training_sessions (1).csv': 'x\n',
      'funding - 副本.csv': 'x\n',
      'funding(1).csv': 'x\n',
      'militia_cases.csv.txt': 'x\n',
      'honors.xlsx': 'x',
      'school_placements.xls': 'x',
      'README.md': 'notes',
      '~$honors.xlsx': 'lock',
    });
    mkdirSync(join(dir, 'templates'));
    const r = await run(dir);
    expect(r.lines).toEqual([
      'data/Funding.csv:1:1: 错误: 文件名应为“funding.csv”（全部小写，用下划线），这个文件不会被读取，其中的行不会发布：请改名为“funding.csv”',
      'data/funding - 副本.csv:1:1: 错误: 看起来是“funding.csv”的副本或另存的文件，不会被读取，其中的行不会发布：如果它就是要发布的数据，请改名为“funding.csv”（替换旧文件）；否则请把它移出数据目录',
      'data/funding(1).csv:1:1: 错误: 看起来是“funding.csv”的副本或另存的文件，不会被读取，其中的行不会发布：如果它就是要发布的数据，请改名为“funding.csv”（替换旧文件）；否则请把它移出数据目录',
      'data/honors.xlsx:1:1: 错误: 这是 Excel/WPS 工作簿，网站只读取 CSV，这个文件不会被读取：请在 Excel/WPS 中用“另存为”→“CSV UTF-8（逗号分隔）”保存为“honors.csv”，再把工作簿移出数据目录',
      'data/indicators.CSV:1:1: 错误: 文件名应为“indicators.csv”（全部小写，用下划线），这个文件不会被读取，其中的行不会发布：请改名为“indicators.csv”',
      'data/militia_cases.csv.txt:1:1: 错误: 扩展名不对，文件名应为“militia_cases.csv”，这个文件不会被读取，其中的行不会发布：请改名为“militia_cases.csv”（Windows 中可在资源管理器“查看”里勾选“文件扩展名”后再改）',
      'data/school_placements.xls:1:1: 错误: 这是 Excel/WPS 工作簿，网站只读取 CSV，这个文件不会被读取：请在 Excel/WPS 中用“另存为”→“CSV UTF-8（逗号分隔）”保存为“school_placements.csv”，再把工作簿移出数据目录',
      'data/training_sessions (1).csv:1:1: 错误: 看起来是“training_sessions.csv”的副本或另存的文件，不会被读取，其中的行不会发布：如果它就是要发布的数据，请改名为“training_sessions.csv”（替换旧文件）；否则请把它移出数据目录',
    ]);
    expect(r.ok).toBe(false);
  });

  it('refuses a data folder with none of the six files', async () => {
    const r = await run(folder({ 'passwd': 'root:x:0:0\n', 'config.json': '{}' }));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual([
      'data:1:1: 错误: 数据目录中没有任何数据文件（应至少有 funding.csv、militia_cases.csv、training_sessions.csv、school_placements.csv、honors.csv、indicators.csv 之一）：请确认数据目录选对了；没有数据不会发布',
    ]);
  });

  it('accepts a folder whose only file is a header (a dataset with no rows yet)', async () => {
    const r = await run(folder({ 'honors.csv': HONORS }));
    expect(r.lines).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('encodings everywhere (issue 10 item 3)', () => {
  it('refuses a UTF-8 CSV with one GBK row at that row, saying how to re-save it', async () => {
    const body = Buffer.concat([Buffer.from(`${FUNDING}2024,国防教育,1\n`), encodeGbk('2024,民兵整组,2\n'), Buffer.from('2024,科技拥军,3\n')]);
    const r = await run(folder({ 'funding.csv': body }));
    expect(r.lines).toEqual([
      'data/funding.csv:3:1: 错误: 此行不是 UTF-8 编码，而文件其他各行是 UTF-8（多半是从别的文件粘贴进来的）：请在 Excel/WPS 中打开文件，改正此行的乱码，再用“另存为”→“CSV UTF-8（逗号分隔）”保存',
    ]);
  });

  it('reads a whole GBK file as GB18030 without a word', async () => {
    const r = await run(folder({ 'funding.csv': encodeGbk('年度,类别,金额（万元）\r\n2024,民兵整组,12.5\r\n') }));
    expect(r.lines).toEqual([]);
    expect(r.files[0]!.encoding).toBe('gb18030');
    expect(r.summary.metrics['funding.category:民兵整组']!.byYear).toEqual({ '2024': 12.5 });
  });

  it('reports one stray byte at its line, not as binary at 1:1', async () => {
    const rows = Array.from({ length: 149 }, (_, i) => `2024,国防教育,${i}\n`).join('');
    const r = await run(folder({ 'funding.csv': Buffer.concat([Buffer.from(FUNDING + rows), Buffer.from([0x32, 0x30, 0x32, 0x34, 0x2c, 0xff, 0x2c, 0x31, 0x0a])]) }));
    expect(r.lines).toEqual([
      'data/funding.csv:151:1: 错误: 此行不是 UTF-8 编码，而文件其他各行是 UTF-8（多半是从别的文件粘贴进来的）：请在 Excel/WPS 中打开文件，改正此行的乱码，再用“另存为”→“CSV UTF-8（逗号分隔）”保存',
    ]);
  });

  it('reports a NUL byte past the first 8 KB at its line', async () => {
    const rows = '2024,国防教育,1\n'.repeat(1000);
    const r = await run(folder({ 'funding.csv': `${FUNDING}${rows}2024,国防\u0000教育,1\n` }));
    expect(r.lines).toEqual(['data/funding.csv:1002:1: 错误: 此行含有 NUL 字节（二进制内容），不是文本：文件可能已损坏或选错了文件，请确认后重新保存']);
  });

  it('renders a report template saved as GBK in Chinese, not mojibake', async () => {
    const r = await run(folder({ 'funding.csv': `${FUNDING}2024,国防教育,1\n`, 'report-template.md': encodeGbk('# 双拥工作报告\n\n经费投入 {{ funding.total }} 万元。\n') }));
    expect(r.lines).toEqual([]);
    expect(JSON.stringify(r.reports)).toContain('双拥工作报告');
  });

  it('refuses a report template that is UTF-8 except for one line, at that line', async () => {
    const body = Buffer.concat([Buffer.from('# 双拥工作报告\n\n经费投入 {{ funding.total }} 万元。\n'), encodeGbk('民兵整组工作扎实推进。\n')]);
    const r = await run(folder({ 'funding.csv': `${FUNDING}2024,国防教育,1\n`, 'report-template.md': body }));
    expect(r.lines).toEqual([
      'data/report-template.md:4:1: 错误: 此行不是 UTF-8 编码，而文件其他各行是 UTF-8（多半是从别的文件粘贴进来的）：请用记事本打开文件，改正此行的乱码，再“另存为”，编码选“UTF-8”',
    ]);
    expect(r.reports).toEqual([]);
  });
});

describe('invisible characters (issue 10 item 4)', () => {
  it('publishes one 民兵整组, not several identical-looking ones, and says what was removed', async () => {
    const r = await run(folder({ 'funding.csv': `${FUNDING}2024,民兵整组,1\n2024,民兵\u200b整组,2\n2024,\ufeff民兵整组,3\n2024,民兵整组\u2060,4\n` }));
    expect(r.details.breakdowns['funding.category']!.keys).toEqual(['民兵整组']);
    expect(r.summary.metrics['funding.category:民兵整组']!.byYear).toEqual({ '2024': 10 });
    expect(r.lines).toEqual([
      'data/funding.csv:3:2: 警告: 此字段含有看不见的字符 U+200B（零宽空格），已删除后再读取（多半是从网页或聊天软件复制时带进来的）：建议在原表中也删掉',
      'data/funding.csv:4:2: 警告: 此字段含有看不见的字符 U+FEFF（字节顺序标记 BOM），已删除后再读取（多半是从网页或聊天软件复制时带进来的）：建议在原表中也删掉',
      'data/funding.csv:5:2: 警告: 此字段含有看不见的字符 U+2060（零宽不换行符），已删除后再读取（多半是从网页或聊天软件复制时带进来的）：建议在原表中也删掉',
    ]);
  });

  it('refuses a control or bidirectional character in a field', async () => {
    const r = await run(folder({ 'honors.csv': `${HONORS}2024,双拥模范城,示例市,\u202e区例示,市级,\n2024,先进\u0007个人,示例市,张三,市级,\n` }));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual([
      'data/honors.csv:2:4: 错误: 此字段含有控制字符 U+202E，这类字符不能发布：请删除（多半是从别的系统复制时带进来的）',
      'data/honors.csv:3:2: 错误: 此字段含有控制字符 U+0007，这类字符不能发布：请删除（多半是从别的系统复制时带进来的）',
    ]);
  });
});

describe('personal data, wider and everywhere (issue 10 item 5)', () => {
  it('stops spaced, prefixed and full-width phone numbers and IDs in public CSV columns', async () => {
    const r = await run(
      folder({
        'honors.csv': `${HONORS}2024,先进个人,示例市,张三 +86 138 1234 5678,市级,\n2024,先进个人,示例市,李四,市级,身份证 110101 19900307 1233\n2024,先进个人,示例市,王五,市级,１３８－１２３４－５６７８\n2024,先进个人,示例市,赵六,市级,wang＠例子.中国\n`,
      }),
    );
    expect(r.lines).toEqual([
      'data/honors.csv:2:4: 错误: 列“recipient”(recipient) 含有疑似手机号码，公开字段不得包含个人信息：请删除或改写',
      'data/honors.csv:3:6: 错误: 列“note”(note) 含有疑似居民身份证号码，公开字段不得包含个人信息：请删除或改写',
      'data/honors.csv:4:6: 错误: 列“note”(note) 含有疑似手机号码，公开字段不得包含个人信息：请删除或改写',
      'data/honors.csv:5:6: 错误: 列“note”(note) 含有疑似电子邮箱地址，公开字段不得包含个人信息：请删除或改写',
    ]);
  });

  it('stops personal data in config.json strings and the report template, at their line and column', async () => {
    const config = '{\n  "district": "示例区",\n  "source": "示例区人武部（联系人 138 1234 5678）",\n  "siteTitle": "\\u0031\\u0033\\u0038\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038"\n}\n';
    const template = '# 报告\n\n经费 {{ funding.total }} 万元。\n联系邮箱：li@example.cn；身份证 11010519491231002x\n';
    const r = await run(folder({ 'funding.csv': `${FUNDING}2024,国防教育,1\n`, 'config.json': config, 'report-template.md': template }));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual([
      'data/config.json:3:13: 错误: 含有疑似手机号码：此文件的内容会公开发布，不得包含个人信息，请删除或改写',
      'data/config.json:4:16: 错误: 含有疑似手机号码：此文件的内容会公开发布，不得包含个人信息，请删除或改写',
      'data/report-template.md:4:6: 错误: 含有疑似电子邮箱地址：此文件的内容会公开发布，不得包含个人信息，请删除或改写',
    ]);
  });
});

describe('subtotal rows (issue 10 item 6)', () => {
  it('refuses 合计, 小计, 总计 and 共计 keys, spaced or with a colon, saying totals are computed', async () => {
    const r = await run(
      folder({
        'funding.csv': `${FUNDING}2024,国防教育,1\n2024,合计,1\n2024, 合 计 ,1\n`,
        'militia_cases.csv': `${MILITIA}2024-03-05,小计：,,1,1\n2024-03-05,东城街道,总计,1,1\n`,
        'school_placements.csv': 'year,stage,requested,placed\n共计,小学,3,3\n',
      }),
    );
    const msg = (col: string, key: string, v: string) => `列“${col}”(${key}) 为“${v}”，像是合计行：网站会按年度、类别等自动求和，表中不要写合计、小计行，请删除此行`;
    expect(r.lines).toEqual([
      `data/funding.csv:3:2: 错误: ${msg('category', 'category', '合计')}`,
      `data/funding.csv:4:2: 错误: ${msg('category', 'category', ' 合 计 ')}`,
      `data/militia_cases.csv:2:2: 错误: ${msg('subdistrict', 'subdistrict', '小计：')}`,
      `data/militia_cases.csv:3:3: 错误: ${msg('case_type', 'case_type', '总计')}`,
      `data/school_placements.csv:2:1: 错误: ${msg('year', 'year', '共计')}`,
    ]);
  });

  it('lists a row equal to the sum of the other rows of its year under 请核实, as a warning', async () => {
    const r = await run(folder({ 'funding.csv': `${FUNDING}2024,国防教育,1.5\n2024,民兵整组,2.25\n2024,全年,3.75\n2025,国防教育,1\n2025,民兵整组,1\n` }));
    expect(r.ok).toBe(true);
    expect(r.lines).toEqual(['data/funding.csv:4:3: 警告: 请核实：此行“amount_wan”为 3.75，恰好等于 2024 年其他各行之和，像是合计行：网站会自动求和，如果是合计行请删除此行']);
  });
});

describe('bounded whatever the input (issue 10 item 7)', () => {
  it('prints at most 100 problems per file, then one line with how many were left out', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `2024-01-0${(i % 9) + 1},东城街道,,x${i},1\n`).join('');
    const r = await run(folder({ 'militia_cases.csv': MILITIA + rows }));
    expect(r.lines.length).toBe(101);
    expect(r.lines[0]).toBe('data/militia_cases.csv:2:4: 错误: 列“cases”(cases) 应为非负整数，实际为“x0”');
    expect(r.lines[99]).toBe('data/militia_cases.csv:101:4: 错误: 列“cases”(cases) 应为非负整数，实际为“x99”');
    expect(r.lines[100]).toBe('data/militia_cases.csv: 另有 150 个问题未列出（其中错误 150 个、警告 0 个）：请先改正上面列出的问题');
    expect(r.counts).toEqual({ errors: 250, warnings: 0 });
  });

  it('keeps errors before warnings in the capped list', async () => {
    const dup = '2024-01-01,东城街道,,1,1\n'.repeat(150);
    const r = await run(folder({ 'militia_cases.csv': `${MILITIA}${dup}2024-01-01,东城街道,,bad,1\n` }));
    expect(r.lines.length).toBe(101);
    expect(r.lines[0]).toBe('data/militia_cases.csv:3:1: 警告: 此行与第 2 行完全相同（重复录入？），两行都已计入');
    expect(r.lines[99]).toBe('data/militia_cases.csv:152:4: 错误: 列“cases”(cases) 应为非负整数，实际为“bad”');
    expect(r.lines[100]).toBe('data/militia_cases.csv: 另有 50 个问题未列出（其中错误 0 个、警告 50 个）：请先改正上面列出的问题');
  });

  it('refuses a line over 1 MB at its line and reads the rest', async () => {
    const r = await run(folder({ 'funding.csv': `${FUNDING}2024,${'国'.repeat(1_100_000)},1\n2024,x,abc\n` }));
    expect(r.lines).toEqual([
      'data/funding.csv:2:1: 错误: 此行超过 1 MB，不像是正常的表格行，已跳过：请检查文件是否损坏或选错了文件',
      'data/funding.csv:3:3: 错误: 列“amount_wan”(amount_wan) 应为非负数，实际为“abc”',
    ]);
  });

  it('refuses honors past 5,000 rows with a clear error at the first row beyond', async () => {
    const rows = Array.from({ length: 5003 }, (_, i) => `2024,先进个人${i},示例市,单位${i},市级,\n`).join('');
    const r = await run(folder({ 'honors.csv': HONORS + rows }));
    expect(r.lines).toEqual([
      'data/honors.csv:5002:1: 错误: 荣誉超过 5,000 条上限，从此行起的 3 行未计入：荣誉页面不分页、一次列出全部荣誉，超过这个数量在手机上难以打开；请只保留需要公开的荣誉',
    ]);
  });
});

describe('contract 1.1 (issue 10 item 10)', () => {
  it('puts header problems on the header line, which is the first non-blank line', async () => {
    const r = await run(folder({ 'funding.csv': '\n\n , ,\nyear,amount_wan,year\n2024,1,2024\n' }));
    expect(r.lines).toEqual([
      'data/funding.csv:4:1: 错误: 缺少必填列“类别”(category)，可用的列名：category、类别、投入类别',
      'data/funding.csv:4:3: 错误: 列“year”(year) 重复出现，第 1 列已是该列',
    ]);
  });

  it('points a % value with another unit at unit, even when the row has another error', async () => {
    const r = await run(folder({ 'indicators.csv': 'year,section,indicator,value,unit\n2024,双拥,满意度,96.5%,分\n20x4,双拥,达标率,80%,个\n' }));
    expect(r.lines).toEqual([
      'data/indicators.csv:2:5: 错误: 列“unit”(unit) 应为“%”，因为数值“96.5%”带有百分号，实际为“分”',
      'data/indicators.csv:3:1: 错误: 列“year”(year) 应为4位年份（如 2024 或 2024年），实际为“20x4”',
      'data/indicators.csv:3:5: 错误: 列“unit”(unit) 应为“%”，因为数值“80%”带有百分号，实际为“个”',
    ]);
  });

  it('requires a time after a date to be a real time of day', async () => {
    const r = await run(folder({ 'militia_cases.csv': `${MILITIA}2024/3/5 25:00,东城街道,,1,1\n2024-03-05 09:60,东城街道,,1,1\n2024-03 09:30,东城街道,,1,1\n2024/3/5 9:30,东城街道,,1,1\n` }));
    expect(r.lines).toEqual([
      'data/militia_cases.csv:2:1: 错误: 列“date”(date) 日期后的时间不是有效的时刻（应为空格加 时:分 或 时:分:秒，时 0–23、分秒 0–59，如 2024/3/5 9:30），实际为“2024/3/5 25:00”',
      'data/militia_cases.csv:3:1: 错误: 列“date”(date) 日期后的时间不是有效的时刻（应为空格加 时:分 或 时:分:秒，时 0–23、分秒 0–59，如 2024/3/5 9:30），实际为“2024-03-05 09:60”',
      'data/militia_cases.csv:4:1: 错误: 列“date”(date) 只有年月的日期后面不能跟时间，实际为“2024-03 09:30”',
    ]);
  });

  it('reads on after text following a closing quote, each later problem at the line its field starts', async () => {
    const r = await run(folder({ 'militia_cases.csv': `${MILITIA}2024-03-05,"东城"街道,,1,1\n2024-03-06,"西城\n街道","盗窃\n案件",abc,1\n2024-03-07,南关街道,,1,-2\n` }));
    expect(r.lines).toEqual([
      'data/militia_cases.csv:2:2: 错误: 引号使用有误：引号闭合后又跟了文字（如 "国防"教育）；含逗号或引号的字段应整体用双引号括起，字段内的引号写成两个 ""',
      'data/militia_cases.csv:5:4: 错误: 列“cases”(cases) 应为非负整数，实际为“abc”',
      'data/militia_cases.csv:6:5: 错误: 列“persons”(persons) 应为非负整数，实际为“-2”',
    ]);
    expect(r.files[1]).toMatchObject({ rows: 3, counted: 0, rejected: 3 });
  });
});

describe('numbers (issue 10 item 11)', () => {
  it('refuses 0,123 and names 2^53 − 1 for integers and sums beyond it', async () => {
    const r = await run(
      folder({
        'funding.csv': `${FUNDING}2024,国防教育,"0,123"\n`,
        'militia_cases.csv': `${MILITIA}2024-03-05,东城街道,,9007199254740992,1\n2024-03-05,东城街道,,9007199254740990,1\n2024-03-06,东城街道,,2,1\n`,
      }),
    );
    expect(r.lines).toEqual([
      'data/funding.csv:2:3: 错误: 列“amount_wan”(amount_wan) 不是有效的数：带千分位逗号的数不能以 0 开头；如果是小数，小数点请用“.”（如 0.123），实际为“0,123”',
      'data/militia_cases.csv:2:4: 错误: 列“cases”(cases) 超过整数上限 9007199254740991（2^53 − 1，超过后无法精确计算），实际为“9007199254740992”',
      'data/militia_cases.csv:4:4: 错误: 列“cases”(cases) 加上此行后 2024 年的合计超过 9007199254740991（2^53 − 1，超过后无法精确计算），此行未计入：请检查数值是否多写了位数，实际为“2”',
    ]);
  });
});
