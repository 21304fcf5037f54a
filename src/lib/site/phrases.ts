/**
 * Where a Chinese heading may wrap. Chinese has no spaces, so a browser breaks a line between any two
 * characters ("抓获涉案人/员", "双拥模/范城"). Headings are rendered as phrases joined by <wbr> under
 * `word-break: keep-all`, so a line breaks only between phrases. Phrases come from the ICU word
 * segmenter, made cautious: it splits 办事|处, 模范|城, 查|处, so a break is allowed only where both
 * sides are words of two or more characters, after a year ("2025年"), or before a conjunction (与、和、及),
 * and never inside one of the site's own terms (KEEP_WHOLE).
 */

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** Conjunctions that start a new phrase: a line may break before them. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['与', '和', '及', '或', '并', '以及']);

/** The site's compound terms, read as one word: a line never breaks inside them. */
export const KEEP_WHOLE: readonly string[] = [
  '抓获涉案人员',
  '查处案件',
  '经费投入',
  '双拥模范城',
  '办事处',
  '人武部',
  '比上年增减',
  '培训教育',
  '参加人次',
  '申请人数',
  '安排人数',
  '驻军子女',
  '双拥荣誉',
  '工作总览',
];

const HAN = /^\p{Script=Han}+$/u;
const YEAR = /^\d{4}$/;

/** Whether a line may break between segment `i - 1` and segment `i` of `segs`. */
function breakBefore(segs: readonly string[], i: number): boolean {
  const prev = segs[i - 1] as string;
  const next = segs[i] as string;
  if (!HAN.test(next) || !HAN.test(prev)) return false;
  if (CONJUNCTIONS.has(next)) return true;
  if (prev === '年' && i >= 2 && YEAR.test(segs[i - 2] as string)) return true;
  return Array.from(prev).length >= 2 && Array.from(next).length >= 2 && !CONJUNCTIONS.has(prev);
}

/**
 * A text split into the phrases a line may break between (joined, they give the text back unchanged);
 * spaces and punctuation stay inside phrases, where the browser breaks at them as usual. Empty text gives [].
 */
export function phrases(text: string, keepWhole: readonly string[] = KEEP_WHOLE): string[] {
  if (text === '') return [];
  // Code-unit offsets that fall inside a kept term: no break there.
  const inside = new Set<number>();
  for (const term of keepWhole) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      for (let k = at + 1; k < at + term.length; k++) inside.add(k);
    }
  }
  const segs = Array.from(SEGMENTER.segment(text), (s) => s.segment);
  const out: string[] = [];
  let current = '';
  let offset = 0;
  segs.forEach((seg, i) => {
    if (i > 0 && !inside.has(offset) && breakBefore(segs, i)) {
      out.push(current);
      current = '';
    }
    current += seg;
    offset += seg.length;
  });
  out.push(current);
  return out;
}
