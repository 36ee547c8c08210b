import { Readability } from '@mozilla/readability';
import { parseHTML } from '../dom.js';

/** What the baseline reports for a page: text, title and publication time. */
export interface BaselineResult {
  text: string;
  title: string | null;
  published: string | null;
}

/** Plain @mozilla/readability on linkedom, its `textContent` as the text: the comparison baseline. */
export function readabilityBaseline(html: string): BaselineResult {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return {
    text: article?.textContent ?? '',
    title: article?.title ?? null,
    published: article?.publishedTime ?? null,
  };
}
