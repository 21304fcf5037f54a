/** GBK encoding for tests: the reverse of the WHATWG gb18030 decoder over every two-byte code (Node has no GBK encoder). */
let table: Map<string, number[]> | null = null;

function reverseTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (!table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
}

/** Bytes of `text` in GBK; ASCII stays one byte; throws on a character outside GBK. */
export function encodeGbk(text: string): Buffer {
  const t = reverseTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = t.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
