/**
 * A tiny offline search index for short Chinese texts (the honors page).
 * Chinese has no spaces between words, so texts are indexed by character
 * uni-grams and bi-grams: a query matches a document when every bi-gram of
 * every query term (or the single character of a one-character term) occurs
 * in one field of that document. Pure: used at build time and in the browser.
 */

/** One document to index: its id (an HTML anchor) and its searchable fields, in order. */
export interface SearchDocument {
  id: string;
  fields: readonly string[];
}

/** The serialisable index: ids by position, and each n-gram's sorted list of positions. */
export interface SearchIndex {
  v: 1;
  ids: string[];
  grams: Record<string, number[]>;
}

/** Longest query, in characters, that is looked at; the rest is ignored (keeps hostile input cheap). */
export const MAX_QUERY_LENGTH = 64;

/**
 * Split a text into normalised segments: NFKC (full-width digits and letters become ASCII),
 * lower case, and anything that is not a letter or a digit separates segments.
 * An empty or punctuation-only text gives [].
 */
export function segmentText(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((s) => s !== '');
}

/** The uni-grams and bi-grams of one segment, by code point (so no surrogate half is ever a gram). */
export function gramsOf(segment: string): string[] {
  const chars = Array.from(segment);
  const out: string[] = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The grams a query term must match: its bi-grams, or the character itself for a one-character term. */
function termGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Build the index; grams never span two fields, so "2023" cannot be formed from a year and a title. */
export function buildSearchIndex(docs: readonly SearchDocument[]): SearchIndex {
  const postings = new Map<string, number[]>();
  docs.forEach((doc, position) => {
    const seen = new Set<string>();
    for (const field of doc.fields) {
      for (const segment of segmentText(field)) {
        for (const g of gramsOf(segment)) seen.add(g);
      }
    }
    for (const g of seen) {
      const list = postings.get(g);
      if (list) list.push(position);
      else postings.set(g, [position]);
    }
  });
  const grams: Record<string, number[]> = {};
  for (const g of [...postings.keys()].sort()) grams[g] = postings.get(g)!;
  return { v: 1, ids: docs.map((d) => d.id), grams };
}

function postingsOf(index: SearchIndex, gram: string): readonly number[] {
  // Own properties only: a query such as "constructor" or "__proto__" must not reach Object.prototype.
  if (!Object.prototype.hasOwnProperty.call(index.grams, gram)) return [];
  const list = index.grams[gram];
  return Array.isArray(list) ? list : [];
}

/**
 * The ids of the documents matching every term of the query, in index order.
 * Terms are separated by spaces or punctuation; an empty (or punctuation-only) query gives null,
 * meaning "no filter", so callers show everything.
 */
export function querySearchIndex(index: SearchIndex, query: string): string[] | null {
  const terms = segmentText(Array.from(query).slice(0, MAX_QUERY_LENGTH).join(''));
  if (terms.length === 0) return null;
  let candidates: Set<number> | null = null;
  for (const term of terms) {
    for (const g of termGrams(term)) {
      const list = postingsOf(index, g);
      const next = new Set<number>();
      for (const p of list) if (candidates === null || candidates.has(p)) next.add(p);
      candidates = next;
      if (candidates.size === 0) return [];
    }
  }
  return [...(candidates ?? [])].sort((a, b) => a - b).map((p) => index.ids[p]).filter((id): id is string => id !== undefined);
}

/** The searchable fields of one honor: year (also as "2023年"), title, awarding body, recipient, level and note; nothing else. */
export function honorSearchDocument(h: {
  id: string;
  year: number;
  title: string;
  conferred_by: string;
  recipient: string;
  level: string;
  note: string | null;
}): SearchDocument {
  return { id: h.id, fields: [String(h.year), `${h.year}年`, h.title, h.conferred_by, h.recipient, h.level, h.note ?? ''] };
}
