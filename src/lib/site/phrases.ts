/**
 * Where a Chinese heading may wrap. Chinese has no spaces, so a browser breaks a line between any two
 * characters ("抓获涉案人/员", "双拥模/范城"). Headings are rendered as phrases joined by <wbr> under
 * `word-break: keep-all`, so a line breaks only between phrases. Phrases come from the ICU word
 * segmenter, made cautious: it splits 办事|处, 模范|城, 查|处, so a break is allowed only where both
 * sides are words of two or more characters, after a year ("2025年"), or before a conjunction (与、和、及).
 */

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** Conjunctions that start a new phrase: a line may break before them. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['与', '和', '及', '或', '并', '以及']);

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
export function phrases(text: string): string[] {
  if (text === '') return [];
  const segs = Array.from(SEGMENTER.segment(text), (s) => s.segment);
  const out: string[] = [];
  let current = '';
  segs.forEach((seg, i) => {
    if (i > 0 && breakBefore(segs, i)) {
      out.push(current);
      current = '';
    }
    current += seg;
  });
  out.push(current);
  return out;
}
