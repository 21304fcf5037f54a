/** The message catalog: every problem the data step reports, keyed by a stable code, in plain Chinese with an English gloss. */

type Params = Readonly<Record<string, string | number>>;

interface Message {
  /** Printed text; `{name}` is replaced by the parameter of that name. */
  zh: string;
  /** English gloss for reviewers and the admin guide. */
  en: string;
}

/** Value problems: printed after `列“<header>”(<key>) `. */
export const VALUE_MESSAGES = {
  required: { zh: '为必填项，不能为空', en: 'required, but empty' },
  year_format: { zh: '应为4位年份（如 2024 或 2024年），实际为“{value}”', en: 'expected a 4-digit year' },
  year_range: { zh: '年份应在 1949–2100 之间，实际为“{value}”', en: 'year outside 1949–2100' },
  year_future: { zh: '年份不能晚于今年（{today}年），实际为“{value}”', en: 'year after the build year' },
  date_format: {
    zh: '应为日期（如 2024-03-05、2024/3/5、2024年3月5日 或 2024-03），实际为“{value}”',
    en: 'expected a date in one of the accepted forms',
  },
  date_serial: {
    zh: '应为日期，实际为“{value}”，像是 Excel 日期序列号：请在 Excel/WPS 中把该列设置为“日期”格式后重新保存',
    en: 'looks like an Excel serial date number; format the column as a date',
  },
  date_time: {
    zh: '日期后的时间不是有效的时刻（应为空格加 时:分 或 时:分:秒，时 0–23、分秒 0–59，如 2024/3/5 9:30），实际为“{value}”',
    en: 'the time after a date is not a real time of day',
  },
  date_time_month: { zh: '只有年月的日期后面不能跟时间，实际为“{value}”', en: 'a time after a month-only date' },
  date_impossible: { zh: '日期不存在，实际为“{value}”', en: 'impossible date' },
  date_future: { zh: '日期不能晚于今天（{today}），实际为“{value}”', en: 'date after the build day' },
  excel_error: { zh: '是 Excel 错误值“{value}”：请检查该单元格的公式，改为数值', en: 'an Excel error value; fix the formula' },
  integer_format: { zh: '应为非负整数，实际为“{value}”', en: 'expected a non-negative integer' },
  integer_negative: { zh: '应为非负整数，实际为“{value}”', en: 'negative number in a non-negative integer column' },
  integer_fraction: { zh: '应为整数，实际为“{value}”', en: 'fraction in an integer column' },
  decimal_format: { zh: '应为非负数，实际为“{value}”', en: 'expected a non-negative number' },
  decimal_negative: { zh: '应为非负数，实际为“{value}”', en: 'negative number' },
  thousands: { zh: '千分位分隔符位置不对（应每三位一组，如 1,234），实际为“{value}”', en: 'thousands separators not in groups of three' },
  thousands_leading_zero: {
    zh: '不是有效的数：带千分位逗号的数不能以 0 开头；如果是小数，小数点请用“.”（如 0.123），实际为“{value}”',
    en: 'a thousands-grouped number starting with 0 (0,123)',
  },
  integer_too_large: {
    zh: '超过整数上限 {limit}（2^53 − 1，超过后无法精确计算），实际为“{value}”',
    en: 'integer beyond 2^53 − 1',
  },
  sum_too_large: {
    zh: '加上此行后 {year} 年的合计超过 {limit}（2^53 − 1，超过后无法精确计算），此行未计入：请检查数值是否多写了位数，实际为“{value}”',
    en: 'a sum beyond 2^53 − 1',
  },
  too_large: { zh: '数值位数过多（最多 15 位有效数字），实际为“{value}”', en: 'more than 15 significant digits' },
  below_min: { zh: '应为不小于 {min} 的整数，实际为“{value}”', en: 'below the minimum' },
  one_of: { zh: '应为 {allowed} 之一，实际为“{value}”', en: 'not one of the allowed values' },
  percent_unit: { zh: '应为“%”，因为数值“{number}”带有百分号，实际为“{value}”', en: 'a value ending in % needs the unit %' },
  placed_gt_requested: { zh: '不能大于申请人数（{requested}），实际为“{value}”', en: 'placed exceeds requested' },
  unit_mismatch: {
    zh: '应与指标“{indicator}”第 {line} 行的单位“{expected}”一致，实际为“{value}”',
    en: 'unit differs from the first row of the same indicator',
  },
  subtotal_key: {
    zh: '为“{value}”，像是合计行：网站会按年度、类别等自动求和，表中不要写合计、小计行，请删除此行',
    en: 'a total or subtotal row; totals are computed',
  },
  pii_id: { zh: '含有疑似居民身份证号码，公开字段不得包含个人信息：请删除或改写', en: 'looks like a resident ID number' },
  pii_phone: { zh: '含有疑似手机号码，公开字段不得包含个人信息：请删除或改写', en: 'looks like a mobile phone number' },
  pii_email: { zh: '含有疑似电子邮箱地址，公开字段不得包含个人信息：请删除或改写', en: 'looks like an email address' },
} as const satisfies Record<string, Message>;

/** Row and file problems: printed as they are. */
export const PLAIN_MESSAGES = {
  too_few_fields: { zh: '此行有 {n} 个字段，少于表头的 {m} 列：请补齐缺少的字段（空值也要保留逗号）', en: 'fewer fields than the header' },
  too_many_fields: { zh: '此行有 {n} 个字段，多于表头的 {m} 列，且多出的字段不为空：字段中的逗号需用英文双引号括起来', en: 'more fields than the header' },
  quote_invalid: {
    zh: '引号使用有误：引号闭合后又跟了文字（如 "国防"教育）；含逗号或引号的字段应整体用双引号括起，字段内的引号写成两个 ""',
    en: 'text after a closing quote',
  },
  quote_unterminated: {
    zh: '引号没有闭合：此行开始的带引号字段直到文件末尾都没有结束引号；此行未计入，其后各行照常读取',
    en: 'unterminated quoted field',
  },
  quote_too_long: {
    zh: '从此字段开始的带引号内容超过 {limit} 仍未结束，多半是少了结束引号（字段中的引号要写成两个 ""）：此行未计入，已从下一行起继续读取',
    en: 'a quoted field over the size limit: most likely an unclosed quote',
  },
  row_too_long: { zh: '此行超过 {limit}，不像是正常的表格行，已跳过：请检查文件是否损坏或选错了文件', en: 'a row over the size limit' },
  control_char: {
    zh: '此字段含有控制字符 {chars}，这类字符不能发布：请删除（多半是从别的系统复制时带进来的）',
    en: 'control or bidirectional characters, refused',
  },
  invisible_removed: {
    zh: '此字段含有看不见的字符 {chars}，已删除后再读取（多半是从网页或聊天软件复制时带进来的）：建议在原表中也删掉',
    en: 'zero-width characters removed',
  },
  misnamed_case: {
    zh: '文件名应为“{expected}”（全部小写，用下划线），这个文件不会被读取，其中的行不会发布：请改名为“{expected}”',
    en: 'one of our files under another letter case or separator',
  },
  misnamed_copy: {
    zh: '看起来是“{expected}”的副本或另存的文件，不会被读取，其中的行不会发布：如果它就是要发布的数据，请改名为“{expected}”（替换旧文件）；否则请把它移出数据目录',
    en: 'a copy of one of our files (copy mark in the name)',
  },
  misnamed_extension: {
    zh: '扩展名不对，文件名应为“{expected}”，这个文件不会被读取，其中的行不会发布：请改名为“{expected}”（Windows 中可在资源管理器“查看”里勾选“文件扩展名”后再改）',
    en: 'one of our files with an extra or other extension',
  },
  misnamed_workbook: {
    zh: '这是 Excel/WPS 工作簿，网站只读取 CSV，这个文件不会被读取：请在 Excel/WPS 中用“另存为”→“CSV UTF-8（逗号分隔）”保存为“{expected}”，再把工作簿移出数据目录',
    en: 'a workbook with our base name',
  },
  pii_in_text: {
    zh: '含有疑似{kind}：此文件的内容会公开发布，不得包含个人信息，请删除或改写',
    en: 'personal data in a published text file',
  },
  no_data_files: {
    zh: '数据目录中没有任何数据文件（应至少有 {files} 之一）：请确认数据目录选对了；没有数据不会发布',
    en: 'none of the data files in the folder',
  },
  omitted: { zh: '另有 {n} 个问题未列出（其中错误 {errors} 个、警告 {warnings} 个）：请先改正上面列出的问题', en: 'more problems, not listed' },
  duplicate_row: { zh: '此行与第 {line} 行完全相同（重复录入？），两行都已计入', en: 'exact duplicate of an earlier row (both counted)' },
  duplicate_indicator: {
    zh: '指标“{indicator}”在 {year} 年已有一行（第 {line} 行）：同一年度同一指标只能有一行',
    en: 'second row for the same (year, indicator)',
  },
  duplicate_check_capped: {
    zh: '文件超过 {limit} 行，重复行检查只覆盖前 {limit} 行',
    en: 'duplicate-row check covers only the first rows of a very large file',
  },
  subtotal_sum: {
    zh: '请核实：此行“{header}”为 {value}，恰好等于 {year} 年其他各行之和，像是合计行：网站会自动求和，如果是合计行请删除此行',
    en: 'to check: a row equal to the sum of the other rows of its year',
  },
  honors_limit: {
    zh: '荣誉超过 {limit} 条上限，从此行起的 {n} 行未计入：荣誉页面不分页、一次列出全部荣誉，超过这个数量在手机上难以打开；请只保留需要公开的荣誉',
    en: 'more honors than one page can hold',
  },
  empty_file: { zh: '文件为空（0 字节）：至少需要一行表头', en: 'empty file (0 bytes)' },
  no_header: { zh: '文件只有空行，没有表头', en: 'only blank lines, no header' },
  not_text_xlsx: {
    zh: '这不是 CSV 文本文件，而是 Excel 工作簿（.xlsx）改了扩展名：请在 Excel/WPS 中用“另存为”→“CSV（逗号分隔）”保存',
    en: 'an .xlsx workbook renamed to .csv',
  },
  not_text_xls: {
    zh: '这不是 CSV 文本文件，而是旧版 Excel 工作簿（.xls）：请在 Excel/WPS 中用“另存为”→“CSV（逗号分隔）”保存',
    en: 'an .xls workbook renamed to .csv',
  },
  not_text_utf16: {
    zh: '文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”',
    en: 'UTF-16 text; save as CSV UTF-8',
  },
  missing_column: { zh: '缺少必填列“{label}”({key})，可用的列名：{aliases}', en: 'required column missing' },
  duplicate_column: { zh: '列“{header}”({key}) 重复出现，第 {first} 列已是该列', en: 'the same column twice' },
  unknown_column: { zh: '未知列“{header}”，已忽略，不会发布', en: 'unknown column, ignored and never published' },
  empty_header: { zh: '第 {col} 列的表头为空，该列已忽略，不会发布', en: 'empty header cell, column ignored' },
  read_failed: { zh: '无法读取文件：{reason}', en: 'the file could not be read' },
  nul_byte: {
    zh: '此行含有 NUL 字节（二进制内容），不是文本：文件可能已损坏或选错了文件，请确认后重新保存',
    en: 'a NUL byte: binary content, not text',
  },
  encoding_mixed_utf8: {
    zh: '此行不是 UTF-8 编码，而文件其他各行是 UTF-8（多半是从别的文件粘贴进来的）：{fix}',
    en: 'a non-UTF-8 line in a UTF-8 file',
  },
  encoding_mixed_gbk: {
    zh: '此行是 UTF-8 编码，而文件其他各行是 GBK（多半是从别的文件粘贴进来的）：{fix}',
    en: 'a UTF-8 line in a GBK file',
  },
  encoding_invalid: {
    zh: '此行含有既不是 UTF-8 也不是 GBK 的字节，文件可能已损坏：{fix}',
    en: 'bytes valid in neither UTF-8 nor GBK',
  },
  text_utf16: { zh: '文件是 UTF-16 编码：请用记事本打开，“另存为”时编码选“UTF-8”', en: 'UTF-16 text; save as UTF-8' },
  text_too_large: { zh: '文件超过 {limit}，不像是配置或模板文件：请确认选对了文件', en: 'too large for a config or template file' },
} as const satisfies Record<string, Message>;

export type ValueCode = keyof typeof VALUE_MESSAGES;
export type PlainCode = keyof typeof PLAIN_MESSAGES;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** Message for a value problem: `列“查处案件数”(cases) 应为非负整数，实际为“abc”`. */
export function valueMessage(code: ValueCode, header: string, key: string, params: Params): string {
  return `列“${header}”(${key}) ${fill(VALUE_MESSAGES[code].zh, params)}`;
}

/** Message for a row or file problem. */
export function plainMessage(code: PlainCode, params: Params = {}): string {
  return fill(PLAIN_MESSAGES[code].zh, params);
}
