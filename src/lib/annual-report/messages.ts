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
  report_comment_unclosed: {
    zh: '注释“<!--”没有结束：缺少“-->”，其后的全部内容都会被当作注释，报告将是空的',
    en: 'a comment opened with <!-- is never closed; everything after it would vanish',
  },
  report_too_long: {
    zh: '占位符太长（{length} 个字符，最多 {limit} 个）：“{{{start}”，请检查是否漏写了“}}”',
    en: 'placeholder or directive longer than the limit; refused unread',
  },
  report_optional_unclosed: {
    zh: '可选分句“[[”没有闭合：本段结束前缺少“]]”（“[[ ]]”不能跨段）',
    en: 'an optional clause [[ is not closed within its paragraph',
  },
  report_optional_stray_close: {
    zh: '多余的“]]”：前面没有与之配对的“[[”',
    en: 'a ]] without a matching [[',
  },
  report_if_unclosed: {
    zh: '条件“{{#if}}”没有结束：本段结束前缺少“{{/if}}”（条件不能跨段）',
    en: 'an {{#if}} is not closed with {{/if}} within its paragraph',
  },
  report_directive_stray: {
    zh: '多余的“{name}”：前面没有与之配对的“{{#if 条件}}”',
    en: 'an {{#elif}}, {{#else}} or {{/if}} without an {{#if}}',
  },
  report_else_after_else: {
    zh: '“{name}”不能写在第 {line} 行第 {column} 列的“{{#else}}”之后：“{{#else}}”必须是最后一个分支',
    en: 'a branch after {{#else}}',
  },
  report_crossed: {
    zh: '“{closer}”出现在第 {line} 行第 {column} 列的“{opener}”结束之前：“[[ ]]”与“{{#if}}…{{/if}}”可以整个嵌套，不能交叉',
    en: 'optional clauses and choices cross instead of nesting',
  },
  report_unknown_directive: {
    zh: '未知的指令“{{{name}}}”：可用的有 {{#if 条件}}、{{#elif 条件}}、{{#else}}、{{/if}}（或 #如果、#否则如果、#否则、/如果）',
    en: 'unknown directive',
  },
  report_condition_missing: {
    zh: '“{name}”缺少条件，如 {{#if streak >= 2}} 或 {{#if militia.cases @-1}}',
    en: 'an {{#if}} or {{#elif}} without a condition',
  },
  report_condition_extra: {
    zh: '“{name}”后面不能写条件“{text}”：要加条件请用 {{#elif 条件}}',
    en: 'text after {{#else}} or {{/if}}',
  },
  report_condition_bad_value: {
    zh: '条件中的比较“{op}”后应为一个数字，实际为“{value}”：可用 >=、>、<=、<、=、!=，如 streak >= 2',
    en: 'a comparison without a number, or an unknown operator',
  },
  report_condition_not_numeric: {
    zh: '“{ref}”是文字，不能作为条件：条件应为数据项，如 {{#if streak >= 2}}',
    en: 'a text reference used as a condition',
  },
  report_more_problems: {
    zh: '另有 {count} 个问题未列出',
    en: 'more problems than listed',
  },
  report_external_ref: {
    zh: '模板中引用了外部地址 {url}：网站不能从其他网站加载内容（可能部署在政务内网），请删除',
    en: 'the template text would make pages load from another host',
  },
  report_missing_omitted: {
    zh: '{subject}在 {years} 年无数据，这些年度的报告省略了它所在的可选分句（[[ ]]）',
    en: 'a figure without data left out its optional clause in some reports',
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
    zh: '{subject}的合计年份范围在 {years} 年的报告中为空',
    en: 'a sum range is empty for some report years',
  },
} as const satisfies Record<string, Message>;

export type ReportMessageCode = keyof typeof REPORT_MESSAGES;

/** The Chinese text of a report message with its parameters filled in. */
export function reportMessage(code: ReportMessageCode, params: Readonly<Record<string, string | number>> = {}): string {
  return REPORT_MESSAGES[code].zh.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
