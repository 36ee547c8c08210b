import winkNLP, { type WinkMethods } from 'wink-nlp';
import { WINK_PIPE, winkModel } from './wink-model.js';

/** One word or punctuation token with its character span in the article text. */
export interface Token {
  text: string;
  lower: string;
  lemma: string;
  /** Universal POS tag from wink (VERB, NOUN, PROPN, ADJ, AUX, ...). */
  pos: string;
  start: number;
  end: number;
}

/** One sentence: its tokens (whitespace dropped) and character span. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

let instance: WinkMethods | undefined;

/** The shared wink-nlp instance; the model is loaded once per process (it takes ~100 ms). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(winkModel(), [...WINK_PIPE]);
  return instance;
}

/** Splits a text into sentences and tokens with one wink pass, keeping exact character offsets. */
export function tokenizeText(text: string): Sentence[] {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings omit lemma from ItsFunction although it works at runtime.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const all: Array<Token | null> = [];
  let offset = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    const start = offset;
    offset += value.length;
    const tag = pos[i] ?? 'X';
    const blank = tag === 'SPACE' || value.trim() === '';
    all.push(
      blank
        ? null
        : {
            text: value,
            lower: value.toLowerCase(),
            lemma: (lemmas[i] ?? value).toLowerCase(),
            pos: tag,
            start,
            end: offset,
          },
    );
  }
  return spans.map(([first, last], index) => buildSentence(text, index, sentenceCase(all.slice(first, last + 1))));
}

/** Short words title case leaves in lower case ("Lifts Ban on Imports", "Talks to Resume in Geneva"). */
const TITLE_LOWER = new Set(
  'a an the and or but nor for to of in on at by as up vs from with into over after off per via'.split(' '),
);

/**
 * A headline in title case ("Army Shells Rebel Positions In North") read as if in sentence case: wink tags every
 * capitalised word a proper noun, so the verb is lost and names run across it. The sentence is tagged again with
 * every word after the first lower-cased (acronyms and dotted abbreviations such as "U.S." kept) to take its tags
 * and lemmas; the tokens keep their own text and offsets, so dictionary names still match.
 */
function sentenceCase(maybe: Array<Token | null>): Array<Token | null> {
  // Most sentences show a lower-case word early: leave them at once.
  for (let i = 1, seen = 0; i < maybe.length && seen < 6; i += 1) {
    const t = maybe[i];
    if (!t || !/^\p{L}/u.test(t.text)) continue;
    if (/^\p{Ll}/u.test(t.text) && !TITLE_LOWER.has(t.text)) return maybe;
    seen += 1;
  }
  const words = maybe.filter((t): t is Token => t !== null && /\p{L}/u.test(t.text));
  if (words.length < 4) return maybe;
  const capitalised = words.slice(1).filter((t) => /^\p{Lu}/u.test(t.text)).length;
  const titleCase = words.slice(1).every((t) => /^\p{Lu}/u.test(t.text) || TITLE_LOWER.has(t.text));
  if (!titleCase || capitalised < 3) return maybe;
  const first = maybe.find((t) => t !== null) as Token;
  let text = '';
  let at = first.start;
  for (const t of maybe) {
    if (t === null) continue;
    text += ' '.repeat(t.start - at) + (t === words[0] || keepsCase(t.text) ? t.text : t.text.toLowerCase());
    at = t.end;
  }
  const engine = nlp();
  const doc = engine.readDoc(text);
  const all = doc.tokens().out(engine.its.value) as string[];
  const isWord = all.map((v) => v.trim() !== '');
  const values = all.filter((_, i) => isWord[i]);
  const kept = (doc.tokens().out(engine.its.pos) as string[]).filter((_, i) => isWord[i]);
  const lemmas = (doc.tokens().out(engine.its.lemma as unknown as typeof engine.its.value) as string[]).filter(
    (_, i) => isWord[i],
  );
  const tokens = maybe.filter((t): t is Token => t !== null);
  if (values.length !== tokens.length || values.some((v, i) => v.toLowerCase() !== tokens[i]?.lower)) return maybe;
  const recased = tokens.map((t, i) => ({ ...t, pos: kept[i] ?? t.pos, lemma: (lemmas[i] ?? t.lemma).toLowerCase() }));
  headlineVerb(recased);
  return recased;
}

/**
 * Headlines tell the past in the present ("Navy Shells Camps", "U.S. Lifts Ban"), and the tagger reads the verb
 * after the subject as a plural noun: the first word in -s after a noun or name, with a stem of its own and
 * something after it, is the headline's verb.
 */
function headlineVerb(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i += 1) {
    const t = tokens[i] as Token;
    if (t.pos === 'VERB' || t.pos === 'AUX') return;
    const prev = tokens[i - 1] as Token;
    const subject = prev.pos === 'PROPN' || prev.pos === 'NOUN';
    if (t.pos === 'NOUN' && subject && /[^su]s$/.test(t.lower) && t.lemma !== t.lower) {
      tokens[i] = { ...t, pos: 'VERB' };
      return;
    }
  }
}

/** "U.S.", "UN", "NATO": acronyms and dotted abbreviations keep their case. */
function keepsCase(word: string): boolean {
  return word.includes('.') || (word.length > 1 && word === word.toUpperCase());
}

function buildSentence(text: string, index: number, maybe: Array<Token | null>): Sentence {
  const tokens = maybe.filter((t): t is Token => t !== null);
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  return { index, start, end, text: text.slice(start, end), tokens };
}

/** Words wink splits although they are written as one ("cannot" = can + not). */
const SPLIT_WORDS = new Set(['cannot', 'gonna', 'wanna', 'gotta']);

/** Lowercased tokens of a dictionary phrase, tokenised exactly as article text is. */
export function phraseTokens(phrase: string): string[] {
  // Plain words tokenise as themselves: skipping wink for them keeps dictionary loading fast at cold start.
  const words = phrase.split(' ');
  if (words.every((w) => /^[a-z]+$/.test(w) && !SPLIT_WORDS.has(w))) return words;
  const engine = nlp();
  const doc = engine.readDoc(phrase);
  return (doc.tokens().out(engine.its.value) as string[]).filter((v) => v.trim() !== '');
}
