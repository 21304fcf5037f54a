/**
 * The one rule for invisible characters (docs/data-contract.md): zero-width characters, the BOM (U+FEFF) and the
 * soft hyphen are removed from any field, with a warning; control characters (C0 but tab and line breaks, DEL,
 * C1), bidirectional controls and line/paragraph separators are an error. Either way nothing invisible is published.
 */
export const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
export const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFFF9-\uFFFB]/g;
export const SUSPICIOUS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

const CHAR_NAMES: Record<number, string> = {
  0x00ad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽非连接符',
  0x200d: '零宽连接符',
  0x2060: '零宽不换行符',
  0xfeff: '字节顺序标记 BOM',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
};

/** Distinct characters matched by `re` in `s`, as `U+200B（零宽空格）、U+0007`. */
export function describeChars(s: string, re: RegExp): string {
  const seen = new Set<number>();
  re.lastIndex = 0;
  for (const m of s.matchAll(re)) seen.add(m[0].charCodeAt(0));
  return [...seen]
    .map((c) => {
      const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      const name = CHAR_NAMES[c];
      return name ? `${hex}（${name}）` : hex;
    })
    .join('、');
}
