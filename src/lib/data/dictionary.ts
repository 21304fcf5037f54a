/**
 * The data dictionary, derived from the schema declaration (src/lib/data/schema): rows for the
 * 数据说明 page and a Markdown rendering for the admin guide. Nothing here names a column.
 */
import { DATASETS } from './schema/index.ts';
import type { DatasetSchema, ColumnSchema, ValueType } from './schema/index.ts';

/** Each value type in Chinese words, as the dictionary shows it. */
export const TYPE_WORDS: Readonly<Record<ValueType, string>> = {
  year: '年度',
  date: '日期',
  integer: '整数',
  decimal: '小数',
  text: '文本',
};

/** What each value type accepts, in one Chinese sentence (data contract §1, 值类型). */
export const TYPE_NOTES: Readonly<Record<ValueType, string>> = {
  year: '4 位数字，1949–2100，且不晚于构建当年；可带“年”字（如 2023年），全角数字亦可。',
  date: '如 2024-03-05、2024/3/5、2024年3月5日，或只到月份（2024-03、2024年3月）；完整日期后可带时间（如 2024/3/5 9:30，会被忽略），但须是有效时刻（时 0–23、分秒 0–59），只到月份的日期后不能带时间；不得晚于构建当天；Excel 日期序号（如 45356）须先把该列设为日期格式。',
  integer: '非负整数，可用千位分隔符（1,234，不能写成 0,123），全角数字亦可；12.00 视为 12，不接受 1.5、-3 等写法；最大 9007199254740991（2^53 − 1），每年合计也不能超过它。',
  decimal: '非负数，可带小数点和千位分隔符（1,234.5，不能写成 0,123），全角数字亦可；不接受 12万、1e3、-3 等写法。',
  text: '任意文字；首尾空格会被去除，空白视为未填；看不见的零宽字符会被删除并给出警告，控制字符会报错；不能是“合计”“小计”等合计行。',
};

/** The words shown for an internal column. */
export const INTERNAL_WORDS = '内部字段（不公开）';

/** One column of the dictionary, ready to display. */
export interface DictionaryColumn {
  key: string;
  label: string;
  /** Every accepted Chinese header (the label included), in declared order. */
  aliases: string[];
  type: ValueType;
  /** The type in Chinese words: 年度/日期/整数/小数/文本. */
  typeWords: string;
  required: boolean;
  /** 必填 or 选填. */
  requiredWords: '必填' | '选填';
  /** Bounds, allowed values, default and percent rule, in Chinese; empty when there are none. */
  rules: string[];
  /** Unit of the values, or null when the column has none. */
  unit: string | null;
  internal: boolean;
  /** 公开 or 内部字段（不公开）. */
  visibility: '公开' | typeof INTERNAL_WORDS;
  description: string;
}

/** One dataset (one CSV file) of the dictionary. */
export interface DictionaryDataset {
  id: string;
  file: string;
  title: string;
  description: string;
  columns: DictionaryColumn[];
}

/** The rules of one column in Chinese words; a column without bounds or allowed values gives []. */
export function columnRules(c: ColumnSchema): string[] {
  const rules: string[] = [];
  if (c.min !== undefined) rules.push(`不小于 ${c.min}`);
  if (c.oneOf !== undefined) rules.push(`取值：${c.oneOf.join('、')}`);
  if (c.default !== undefined) rules.push(`不填按 ${c.default} 计`);
  if (c.percent === true) rules.push('可写作百分数（如 96.5%），此时单位须为 %');
  return rules;
}

/** One dictionary column from its schema declaration. */
export function dictionaryColumn(c: ColumnSchema): DictionaryColumn {
  const internal = c.internal === true;
  return {
    key: c.key,
    label: c.label,
    aliases: [...c.aliases],
    type: c.type,
    typeWords: TYPE_WORDS[c.type],
    required: c.required,
    requiredWords: c.required ? '必填' : '选填',
    rules: columnRules(c),
    unit: c.unit ?? null,
    internal,
    visibility: internal ? INTERNAL_WORDS : '公开',
    description: c.description,
  };
}

/** The dictionary rows of every dataset, in schema order; an empty list of datasets gives []. */
export function dictionaryRows(datasets: readonly DatasetSchema[] = DATASETS): DictionaryDataset[] {
  return datasets.map((d) => ({
    id: d.id,
    file: d.file,
    title: d.title,
    description: d.description,
    columns: d.columns.map(dictionaryColumn),
  }));
}

/** Make text safe inside a Markdown table cell: pipes escaped, line breaks folded to spaces. */
function cell(text: string): string {
  const t = text.replace(/\r\n|\r|\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
  return t === '' ? '—' : t;
}

export interface DictionaryMarkdownOptions {
  /** Heading level of each dataset's title (default 3, under the guide's own "## 数据说明"). */
  headingLevel?: number;
  /** Also write the value-type notes after the tables (default true). */
  typeNotes?: boolean;
}

/** The dictionary as Markdown: per file a heading, its description and one table row per column. */
export function dictionaryMarkdown(
  datasets: readonly DatasetSchema[] = DATASETS,
  { headingLevel = 3, typeNotes = true }: DictionaryMarkdownOptions = {},
): string {
  const h = '#'.repeat(Math.min(6, Math.max(1, headingLevel)));
  const out: string[] = [];
  for (const d of dictionaryRows(datasets)) {
    out.push(`${h} ${d.title}（\`${d.file}\`）`, '', d.description, '');
    out.push('| 列名 | 中文名 | 可用表头 | 类型 | 必填 | 规则 | 单位 | 公开 | 说明 |');
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const c of d.columns) {
      out.push(
        `| \`${c.key}\` | ${cell(c.label)} | ${cell(c.aliases.join('、'))} | ${c.typeWords} | ${c.requiredWords} | ${cell(c.rules.join('；'))} | ${cell(c.unit ?? '')} | ${c.visibility} | ${cell(c.description)} |`,
      );
    }
    out.push('');
  }
  if (typeNotes) {
    out.push(`${h} 值类型`, '');
    for (const t of Object.keys(TYPE_WORDS) as ValueType[]) out.push(`- **${TYPE_WORDS[t]}**：${TYPE_NOTES[t]}`);
    out.push('');
  }
  return out.join('\n');
}
