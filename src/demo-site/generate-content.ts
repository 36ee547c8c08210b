import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { seededRandom } from '../core/random.js';
import { fillArticlePath } from './article-path.js';
import type { Article, FeedFormat, Outlet, SiteContent, TemplateName } from './content-schema.js';
import { DemoContentError } from './errors.js';
import { loadChrome } from './load-content.js';

/** Word lists and templates of demo-site/generator.json (documented in demo-site/README.md). */
const GeneratorSchema = z.object({
  actors: z.array(z.object({ name: z.string(), short: z.string(), country: z.string() })).min(2),
  places: z.array(z.object({ country: z.string(), city: z.string() })).min(2),
  groups: z.array(z.string()).min(1),
  topics: z.array(z.string()).min(1),
  days: z.array(z.string()).min(1),
  headlines: z.array(z.string()).min(1),
  sentences: z.array(z.string()).min(4),
  authors: z.array(z.string()).min(1),
  sections: z.array(z.string()).min(1),
});
type GeneratorData = z.infer<typeof GeneratorSchema>;

/** Size of the synthetic load site. */
export interface GeneratedSiteSpec {
  readonly feeds: number;
  readonly articlesPerFeed: number;
  readonly seed?: number;
}

const TEMPLATES: readonly TemplateName[] = ['wire', 'globe', 'ledger', 'courier', 'echo'];
const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
const WINDOW_START = Date.UTC(2026, 9, 5, 6, 0, 0);
const WINDOW_MINUTES = 14 * 24 * 60 - 8 * 60;

/** Build a synthetic site of `spec.feeds` outlets x `spec.articlesPerFeed` articles from generator.json. */
export async function generateSiteContent(spec: GeneratedSiteSpec, contentDir: string): Promise<SiteContent> {
  const file = join(contentDir, 'generator.json');
  const parsed = GeneratorSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new DemoContentError(parsed.error.message, file);
  const chrome = await loadChrome(contentDir);
  const random = seededRandom(spec.seed ?? 2026);
  const outlets = Array.from({ length: spec.feeds }, (_, i) => syntheticOutlet(i));
  const articles = new Map<string, readonly Article[]>();
  for (const outlet of outlets) {
    const list = Array.from({ length: spec.articlesPerFeed }, (_, j) =>
      syntheticArticle(parsed.data, outlet, j, random),
    );
    articles.set(
      outlet.id,
      list.sort((a, b) => Date.parse(b.published) - Date.parse(a.published)),
    );
  }
  return { outlets, articles, chrome: { en: chrome.en ?? Object.values(chrome)[0] ?? missing(file) } };
}

function missing(file: string): never {
  throw new DemoContentError('clutter.json has no entries', file);
}

function syntheticOutlet(index: number): Outlet {
  const template = TEMPLATES[index % TEMPLATES.length] ?? 'wire';
  const feedFormat = FORMATS[index % FORMATS.length] ?? 'rss';
  const id = `gen${String(index).padStart(3, '0')}`;
  return {
    id,
    name: `Synthetic Outlet ${index}`,
    kind: 'newspaper',
    language: 'en',
    feedFormat,
    feedPath: feedFormat === 'json' ? 'feed.json' : feedFormat === 'atom' ? 'feed.atom' : 'feed.xml',
    encoding: template === 'ledger' ? 'windows-1252' : 'utf-8',
    template,
    metadata: index % 2 === 0 ? 'json-ld' : 'meta-tags',
    articlePath: 'story/{yyyy}/{mm}/{dd}/{slug}',
    pollMinutes: 5 + (index % 4) * 5,
    bozoFeed: false,
    trackingParams: index % 2 === 1,
    tagline: `Generated load-test outlet number ${index}`,
    nav: ['World', 'Politics', 'Business'],
  };
}

function syntheticArticle(data: GeneratorData, outlet: Outlet, index: number, random: () => number): Article {
  const pick = <T>(items: readonly T[]): T => pickOne(items, random);
  const a = pick(data.actors);
  let b = pick(data.actors);
  if (b === a) b = data.actors[(data.actors.indexOf(a) + 1) % data.actors.length] ?? b;
  const place = pick(data.places);
  const slots: Record<string, string> = {
    A: a.name,
    B: b.name,
    CA: a.country,
    C: place.country,
    city: place.city,
    group: pick(data.groups),
    topic: pick(data.topics),
  };
  const fill = (template: string): string =>
    template.replace(/\{(A|B|CA|C|city|group|topic|day)\}/g, (_, key: string) =>
      key === 'day' ? pick(data.days) : (slots[key] ?? ''),
    );
  const headlineRaw = fill(pick(data.headlines));
  const headline = headlineRaw.charAt(0).toUpperCase() + headlineRaw.slice(1);
  const paragraphs = Array.from({ length: 4 + Math.floor(random() * 5) }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => capitalise(fill(pick(data.sentences)))).join(' '),
  );
  const published = new Date(WINDOW_START + Math.floor(random() * WINDOW_MINUTES) * 60_000).toISOString();
  const slug = `${headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}-${index}`;
  const section = pick(data.sections);
  const path = `/${outlet.id}/${fillArticlePath(outlet.articlePath, { published, section, slug })}`;
  return {
    headline,
    published,
    author: pick(data.authors),
    section,
    paywall: false,
    tags: [],
    outletId: outlet.id,
    slug,
    paragraphs,
    path,
    feedLinkPath: path,
    summaryText: paragraphs[0] ?? headline,
  };
}

/** Uniform choice from a list the schema guarantees non-empty. */
function pickOne<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new DemoContentError('empty word list', 'generator.json');
  return item;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
