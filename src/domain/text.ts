/**
 * Vietnamese text helpers shared by server and web: NFC storage, accent folding for search, and the sort key of
 * person names (given name, then family name, then middle name), computed here so both database engines agree.
 */

/** Unicode NFC with inner whitespace collapsed: the form every name is stored in. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A person's name with each word capitalised, in NFC: "nguyễn văn test" → "Nguyễn Văn Test", "ĐẶNG THỊ ÁNH" →
 * "Đặng Thị Ánh". Offered when a name is typed all in lower or upper case, or with a word in lower case; null when
 * the name already reads as typed (a name such as "Giàng A Páo" or "Nguyễn Thị McKay" is left as it is).
 */
export function capitalizedName(text: string): string | null {
  const name = normalizeText(text);
  const words = name.split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const letters = name.replace(/[^\p{L}]/gu, '');
  const allUpper = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const someLower = words.some((w) => /^\p{Ll}/u.test(w));
  if (!allUpper && !someLower) return null;
  const upperFirst = (w: string) => w.slice(0, 1).toUpperCase() + (allUpper ? w.slice(1).toLowerCase() : w.slice(1));
  const suggestion = words.map(upperFirst).join(' ');
  return suggestion === name ? null : suggestion;
}

/**
 * Lower case without diacritics: "Xã Tân Lập" → "xa tan lap", "Đặng" → "dang". The database folds with
 * `unaccent`; this function folds the same way for the client and for stored search keys.
 */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Splits a full Vietnamese name "Nguyễn Văn An" into family, middle and given names. */
export function splitPersonName(fullName: string): { family: string; middle: string; given: string } {
  const parts = normalizeText(fullName).split(' ').filter(Boolean);
  if (parts.length === 0) return { family: '', middle: '', given: '' };
  if (parts.length === 1) return { family: '', middle: '', given: parts[0]! };
  return { family: parts[0]!, middle: parts.slice(1, -1).join(' '), given: parts[parts.length - 1]! };
}

/**
 * Sort key for person names in Vietnamese order: given name, family name, middle name; each part compared by its
 * base letters first and its tone/diacritics second, so "An" < "Ánh" < "Bình" and "Đạt" sorts after "Dũng".
 */
export function personSortKey(fullName: string): string {
  const { family, middle, given } = splitPersonName(fullName);
  const part = (s: string) => `${vnCollationKey(s)}`;
  // Separators sort below every letter and tone digit; no NUL, which PostgreSQL text cannot hold.
  return [part(given), part(family), part(middle)].join('\u0002');
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; tones: none, ` ? ~ ' .
const BASE_ORDER = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

function vnCollationKey(text: string): string {
  const letters: string[] = [];
  const tones: string[] = [];
  for (const ch of text.toLowerCase().normalize('NFC')) {
    const decomposed = ch.normalize('NFD');
    let base = decomposed[0] ?? ch;
    let tone = 0;
    let mark = '';
    for (const c of decomposed.slice(1)) {
      if (TONES[c] !== undefined) tone = TONES[c]!;
      else mark += c;
    }
    base = (base + mark).normalize('NFC');
    const idx = BASE_ORDER.indexOf(base);
    letters.push(idx >= 0 ? String.fromCharCode(0x41 + idx) : base);
    tones.push(String(tone));
  }
  return `${letters.join('')}\u0001${tones.join('')}`;
}
