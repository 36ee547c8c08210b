/** Fill an outlet's `articlePath` pattern ({yyyy} {mm} {dd} {section} {slug}) for one article. */
export function fillArticlePath(pattern: string, fields: { published: string; section: string; slug: string }): string {
  const date = new Date(fields.published);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const values: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    mm: pad(date.getUTCMonth() + 1),
    dd: pad(date.getUTCDate()),
    section: fields.section.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    slug: fields.slug,
  };
  return pattern.replace(/\{(yyyy|mm|dd|section|slug)\}/g, (_, key: string) => values[key] ?? '');
}

/** First sentence-ish teaser of a paragraph, used when an article has no explicit summary. */
export function teaserOf(paragraph: string, maxLength = 240): string {
  if (paragraph.length <= maxLength) return paragraph;
  const cut = paragraph.lastIndexOf(' ', maxLength);
  return `${paragraph.slice(0, cut > 0 ? cut : maxLength)}…`;
}
