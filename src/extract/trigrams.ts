/**
 * Word trigrams of a text, to ask how much of another text it holds: whether a paragraph of
 * ours is in the article body that the page states in its metadata.
 */
export class TrigramSet {
  private readonly grams = new Set<string>();

  private static of(text: string): string[] {
    const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (tokens.length < 3) return tokens.length === 0 ? [] : [tokens.join(' ')];
    const out: string[] = [];
    for (let i = 0; i + 3 <= tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
    return out;
  }

  /** Share (0..1) of the text's trigrams already in the set; 0 for a text without words. */
  share(text: string): number {
    const grams = TrigramSet.of(text);
    if (grams.length === 0) return 0;
    return grams.filter((g) => this.grams.has(g)).length / grams.length;
  }

  add(text: string): void {
    for (const g of TrigramSet.of(text)) this.grams.add(g);
  }
}
