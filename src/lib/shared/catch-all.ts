/** Breakdown keys that are no real category (其他, 未分类): one definition for the data step, tables and palette. Small on purpose: the browser's chart code imports it through the palette. */
/** The key an empty optional grouping column (案件类型) is counted under. */
export const UNCLASSIFIED = '未分类';

/** Breakdown keys that are not a real category: always neutral grey and always listed last, in this order. */
export const CATCH_ALL_KEYS: readonly string[] = ['其他', UNCLASSIFIED];

/** Keys in their given order with 其他 and 未分类 moved last (in that order); the input is not changed. */
export function catchAllLast(keys: readonly string[]): string[] {
  return [...keys.filter((k) => !CATCH_ALL_KEYS.includes(k)), ...CATCH_ALL_KEYS.filter((k) => keys.includes(k))];
}
