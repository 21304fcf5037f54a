/**
 * The personal-data guard: mobile numbers, resident ID numbers and email addresses in text that would be
 * published (public CSV columns, config.json values, the report template), in the forms people actually type.
 */

export type PersonalDataCode = 'pii_id' | 'pii_phone' | 'pii_email';

export interface PersonalDataMatch {
  code: PersonalDataCode;
  /** Offset of the match in the text (UTF-16 units), for line:column in non-CSV files. */
  index: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** First two digits of a resident ID: province-level codes (GB/T 2260), Hong Kong, Macao and Taiwan included. */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);

/** True when an 18-character string has the resident ID check character (GB 11643; `x` as `X`). */
export function isResidentId(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isBirthDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]!) return false;
  return !(m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0));
}

/** An 18-digit resident ID: a real birth date (1900–2099) and the right check character. */
function isId18(digits: string): boolean {
  const y = Number(digits.slice(6, 10));
  if (y < 1900 || y > 2099 || !isBirthDate(y, Number(digits.slice(10, 12)), Number(digits.slice(12, 14)))) return false;
  return isResidentId(digits);
}

/** A 15-digit resident ID (issued before 1999, no check digit): a province code and a real 19YY birth date. */
function isId15(digits: string): boolean {
  if (!PROVINCES.has(Number(digits.slice(0, 2)))) return false;
  return isBirthDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12)));
}

/**
 * Full-width forms to ASCII, the various spaces and invisible characters to a space and dashes to `-`,
 * character for character, so offsets in the result are offsets in the input.
 */
export function foldForms(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let r = -1;
    if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) r = 32;
    // Invisible characters between digits hide nothing: they count as a space.
    else if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) r = 32;
    else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63) r = 45;
    if (r === -1) continue;
    out += text.slice(from, i) + String.fromCharCode(r);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

// Separators people type inside numbers: up to three spaces and dashes ("138 - 1234 - 5678").
const SEP = '[ -]{0,3}';
const PHONE = new RegExp(`(?<![0-9])(?:(?:\\+|00)${SEP}86${SEP}|\\(\\+?86\\)${SEP})?1[3-9](?:${SEP}[0-9]){9}(?![0-9])`, 'g');
const ID18 = new RegExp(`(?<![0-9])[1-9](?:${SEP}[0-9]){16}${SEP}[0-9Xx](?![0-9])`, 'g');
const ID15 = new RegExp(`(?<![0-9])[1-9](?:${SEP}[0-9]){14}(?![0-9])`, 'g');
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?';
/** An email's domain right after the `@`: labels and a letter TLD (ASCII or not: 例子.中国). */
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,}`, 'u');
/** An email's local part right before the `@` (at most 64 characters, RFC 5321). */
const LOCAL = /[\p{L}\p{N}._%+-]{1,64}$/u;
const MAYBE = /[0-9@\uff10-\uff19\uff20]/;

/** First match of `re` (global) whose separator-free digits pass `valid`, trying every start position. */
function firstValid(re: RegExp, text: string, valid: (digits: string) => boolean): number {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (valid(m[0].replace(/[^0-9Xx]/g, ''))) return m.index;
    re.lastIndex = m.index + 1;
  }
  return -1;
}

/** Offset of the first email address, looked for around each `@` only, so a long text costs one pass. */
function findEmail(s: string): number {
  for (let at = s.indexOf('@'); at !== -1; at = s.indexOf('@', at + 1)) {
    const local = LOCAL.exec(s.slice(Math.max(0, at - 64), at));
    if (local && DOMAIN.test(s.slice(at + 1, at + 256))) return at - local[0].length;
  }
  return -1;
}

/**
 * The first personal data in a text, or null: a mobile number (11 digits from 13–19, with spaces or dashes,
 * a +86/0086 prefix, full-width digits); a resident ID of 18 characters (valid birth date and check character,
 * lower-case x allowed) or 15 digits (province code and valid birth date), spaced or full-width; an email
 * address (`＠` allowed, non-ASCII domains such as 例子.中国). Amounts, dates and codes that fail these checks pass.
 */
export function findPersonalData(text: string): PersonalDataMatch | null {
  // The shortest match is an email such as a@b.cn (6 characters): short names and digit-free text skip the patterns.
  if (text.length < 6 || !MAYBE.test(text)) return null;
  const s = foldForms(text);
  const found: PersonalDataMatch[] = [];
  const id = firstValid(ID18, s, isId18);
  if (id !== -1) found.push({ code: 'pii_id', index: id });
  const old = firstValid(ID15, s, isId15);
  if (old !== -1) found.push({ code: 'pii_id', index: old });
  PHONE.lastIndex = 0;
  const phone = PHONE.exec(s);
  if (phone) found.push({ code: 'pii_phone', index: phone.index });
  const email = findEmail(s);
  if (email !== -1) found.push({ code: 'pii_email', index: email });
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.index < a.index ? b : a));
}
