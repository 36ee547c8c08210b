import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Plain @mozilla/readability on linkedom, its `textContent` as the text: the comparison baseline. */
export function readabilityBaseline(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
}
