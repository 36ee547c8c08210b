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
  return spans.map(([first, last], index) => buildSentence(text, index, all.slice(first, last + 1)));
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
