/**
 * Name keys shared by the country table and the gazetteer, so that both sides of a lookup
 * normalise text the same way.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters that NFD does not decompose into an ASCII base plus marks.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};
const SPECIAL_PATTERN = /[ßæœøđðþłıħ]/g;
const QUOTES = /[\u2018\u2019\u02bb\u02bc`´]/g;
const DASHES = /[\u2010-\u2015]/g;

/**
 * Case-insensitive, accent-insensitive key of a place name: "São Paulo" and "sao  paulo"
 * give the same key. Curly quotes and dashes become their ASCII forms; dots are kept so
 * that abbreviations such as "U.S." stay distinct from words.
 */
export function placeKey(name: string): string {
  // Most names are plain ASCII: skip Unicode normalisation for them (it dominates load time).
  if (/^[\x20-\x7e]*$/.test(name)) return name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/`/g, "'");
  return name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(QUOTES, "'")
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Abbreviations such as "US", "UK", "U.S." or "DRC" collide with ordinary words once lower-cased
 * ("us"), so they only match when written exactly (upper case).
 */
export function isAbbreviation(name: string): boolean {
  return /^(?:[A-Z]\.?){2,4}$/.test(name);
}

const ARABIC_ARTICLE = /^(?:al|ar|as|ad|an|ash|at|az|adh|ath|el)[ -]/;

/**
 * A looser key for transliterated names, used only when no exact or alternate name matches:
 * drops a leading Arabic article, apostrophes, spaces, hyphens, doubled letters and a final
 * "h", so "Ar Raqqah", "Raqqa" and "al-Raqqa" meet, as do "Ta‘izz" and "Taiz".
 */
export function looseKey(name: string): string {
  return placeKey(name)
    .replace(/[\u02be\u02bf\u2018\u2019']/g, '')
    .replace(ARABIC_ARTICLE, '')
    .replace(/[\s-]+/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/h$/, '');
}
