import type { Token } from './nlp.js';

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  values: T[];
}

/** A match of a dictionary phrase over tokens [start, end). */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  values: T[];
}

/**
 * Token-level trie for multi-word dictionary phrases. Keys are lowercased tokens; a text token
 * matches a key by its lowercased form or by its lemma (so "rebels" finds "rebel"), which keeps
 * lookups linear in sentence length however large the dictionary is.
 */
export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: [] };
  size = 0;

  /** Adds a phrase (already tokenised) with its payload. */
  add(tokens: string[], value: T): void {
    let node = this.root;
    for (const raw of tokens) {
      const key = raw.toLowerCase();
      let next = node.children.get(key);
      if (!next) {
        next = { children: new Map(), values: [] };
        node.children.set(key, next);
      }
      node = next;
    }
    node.values.push(value);
    this.size += 1;
  }

  /** True when some phrase starts with this token (cheap pre-check). */
  startsWith(token: Token): boolean {
    return this.root.children.has(token.lower) || this.root.children.has(token.lemma);
  }

  /**
   * The longest phrase starting at token `start` whose payload passes `accept`
   * (used for case checks), or null.
   */
  longestAt(
    tokens: Token[],
    start: number,
    accept: (value: T, match: PhraseMatch<T>) => boolean = ACCEPT_ALL,
  ): PhraseMatch<T> | null {
    return this.walk(this.root, tokens, start, start, accept, null);
  }

  /** Depth-first over the token's text and lemma branches; a method, not a closure, so a lookup allocates nothing. */
  private walk(
    node: TrieNode<T>,
    tokens: Token[],
    start: number,
    index: number,
    accept: (value: T, match: PhraseMatch<T>) => boolean,
    found: PhraseMatch<T> | null,
  ): PhraseMatch<T> | null {
    let best = found;
    if (index > start && node.values.length > 0 && (!best || index > best.end)) {
      const candidate = { start, end: index, values: node.values };
      const accepted = accept === ACCEPT_ALL ? node.values : node.values.filter((v) => accept(v, candidate));
      if (accepted.length > 0) best = { start, end: index, values: accepted };
    }
    const token = tokens[index];
    if (!token) return best;
    const byText = node.children.get(token.lower);
    if (byText) best = this.walk(byText, tokens, start, index + 1, accept, best);
    if (token.lemma !== token.lower) {
      const byLemma = node.children.get(token.lemma);
      if (byLemma) best = this.walk(byLemma, tokens, start, index + 1, accept, best);
    }
    return best;
  }
}

const ACCEPT_ALL = (): boolean => true;

/** The payload of the first phrase of `trie` found anywhere in `tokens`, or null. */
export function firstMatch<T>(trie: PhraseTrie<T>, tokens: Token[]): T | null {
  for (let i = 0; i < tokens.length; i += 1) {
    if (!trie.startsWith(tokens[i] as Token)) continue;
    const match = trie.longestAt(tokens, i);
    if (match) return match.values[0] ?? null;
  }
  return null;
}
