/** Messages for report-template problems, keyed by a stable code: printed Chinese plus an English gloss. */

interface Message {
  /** Printed text; `{name}` is replaced by the parameter of that name. */
  zh: string;
  /** English gloss for reviewers and the admin guide. */
  en: string;
}

export const REPORT_MESSAGES = {
  report_unclosed: {
    zh: '占位符“{{”没有闭合：同一行内缺少“}}”（占位符不能跨行）',
    en: 'placeholder opened with {{ but not closed on the same line',
  },
  report_stray_close: {
    zh: '多余的“}}”：前面没有与之配对的“{{”',
    en: 'a }} without a matching {{',
  },
  report_nested: {
    zh: '占位符中又出现了“{{”：请先用“}}”结束前一个占位符',
    en: 'a {{ inside a placeholder',
  },
  report_empty: {
    zh: '占位符“{{ }}”为空：请写上数据项，如 {{ funding.total }}',
    en: 'empty placeholder',
  },
  report_unknown_metric: {
    zh: '未知的数据项“{name}”：summary.json 中没有这个数据项{hint}',
    en: 'unknown metric id',
  },
  report_unknown_indicator: {
    zh: '未知的指标“{name}”：indicators.csv 中没有这个指标{hint}',
    en: 'unknown indicator name',
  },
  report_unknown_modifier: {
    zh: '未知的修饰符“{name}”：可用的修饰符有 value、yoy、prev、year、sum（或 数值、同比、上年、年份、合计）',
    en: 'unknown modifier',
  },
  report_bad_argument: {
    zh: '修饰符“{name}”的参数“{value}”不对：{expected}',
    en: 'bad modifier argument',
  },
  report_conflict: {
    zh: '修饰符“{name}”不能与“{other}”同时使用',
    en: 'conflicting or repeated modifiers',
  },
  report_not_applicable: {
    zh: '修饰符“{name}”不能用于“{ref}”',
    en: 'modifier does not apply to this kind of placeholder',
  },
  report_missing: {
    zh: '{subject}在 {years} 年无数据，报告中显示为“—（无数据）”',
    en: 'a known figure has no value for some report years; shown as —（无数据）',
  },
  report_missing_long: {
    zh: '{subject}在 {years} 年无数据{effects}',
    en: 'a known figure lacks values for some years used by a placeholder',
  },
  report_empty_range: {
    zh: '{subject}的合计年份范围在 {years} 年的报告中为空，显示为“—（无数据）”',
    en: 'a sum range is empty for some report years',
  },
} as const satisfies Record<string, Message>;

export type ReportMessageCode = keyof typeof REPORT_MESSAGES;

/** The Chinese text of a report message with its parameters filled in. */
export function reportMessage(code: ReportMessageCode, params: Readonly<Record<string, string | number>> = {}): string {
  return REPORT_MESSAGES[code].zh.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
