/**
 * The honors page search box. Until the box is focused or typed into, this is all the JavaScript
 * the page runs: it reveals the box (hidden without JavaScript) and, on first use, fetches the
 * n-gram index and the query code. Matching entries stay as the server rendered them; the
 * others are hidden, and the count is announced in a live region.
 */
import type { SearchIndex } from '../lib/site/search-index.ts';

type Query = (index: SearchIndex, query: string) => string[] | null;

function isSearchIndex(v: unknown): v is SearchIndex {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return o.v === 1 && Array.isArray(o.ids) && o.grams !== null && typeof o.grams === 'object';
}

function setup(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-honor-status]');
  const url = input?.dataset.indexUrl;
  if (!input || !status || !url) return;
  const empty = document.querySelector<HTMLElement>('[data-honor-empty]');
  const entries = Array.from(document.querySelectorAll<HTMLElement>('[data-honor]'));
  const groups = Array.from(document.querySelectorAll<HTMLElement>('[data-honor-year]'));
  const total = entries.length;

  let loading: Promise<[SearchIndex, Query]> | null = null;
  function load(): Promise<[SearchIndex, Query]> {
    loading ??= Promise.all([
      fetch(url!, { credentials: 'same-origin' }).then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const json: unknown = await r.json();
        if (!isSearchIndex(json)) throw new Error('bad index');
        return json;
      }),
      import('../lib/site/search-index.ts').then((m) => m.querySearchIndex as Query),
    ]).catch((e: unknown) => {
      loading = null; // let the next keystroke try again
      throw e;
    });
    return loading;
  }

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  function announce(text: string): void {
    // Wait for a pause in typing so a screen reader reads one count, not one per keystroke.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      status!.textContent = text;
    }, 350);
  }

  function show(ids: string[] | null): void {
    const keep = ids === null ? null : new Set(ids);
    let shown = 0;
    for (const e of entries) {
      const visible = keep === null || keep.has(e.id);
      e.hidden = !visible;
      if (visible) shown++;
    }
    for (const g of groups) {
      const inGroup = g.querySelectorAll('[data-honor]:not([hidden])').length;
      g.hidden = inGroup === 0;
      const count = g.querySelector<HTMLElement>('[data-honor-year-count]');
      const all = count?.dataset.honorYearCount;
      if (count && all !== undefined) count.textContent = ids === null ? `${all} 项` : `匹配 ${inGroup} 项（该年共 ${all} 项）`;
    }
    if (empty) empty.hidden = shown > 0;
    if (ids === null) announce('');
    else announce(shown === 0 ? '没有找到匹配的荣誉。' : `找到 ${shown} 项荣誉（共 ${total} 项）。`);
  }

  let seq = 0;
  async function run(): Promise<void> {
    const mine = ++seq;
    const q = input!.value;
    try {
      const [index, query] = await load();
      if (mine !== seq) return; // a newer keystroke has taken over
      show(query(index, q));
    } catch {
      if (mine !== seq) return;
      show(null);
      clearTimeout(announceTimer);
      status!.textContent = '搜索暂时无法使用，请直接浏览下方全部荣誉。';
    }
  }

  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && input.value !== '') {
      input.value = '';
      void run();
    }
  });
  root.hidden = false;
}

const root = document.querySelector<HTMLElement>('[data-honor-search]');
if (root) setup(root);
