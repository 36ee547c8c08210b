import { type Article, type Outlet, OutletSchema, type SiteContent } from '../../../src/demo-site/content-schema.js';
import { parseArticleFile } from '../../../src/demo-site/load-content.js';

/** An outlet built from schema defaults plus overrides. */
export function makeOutlet(overrides: Partial<Outlet> = {}): Outlet {
  return OutletSchema.parse({
    id: 'testpost',
    name: 'The Test Post',
    kind: 'newspaper',
    language: 'en',
    feedFormat: 'rss',
    feedPath: 'feed.xml',
    encoding: 'utf-8',
    template: 'globe',
    metadata: 'meta-tags',
    articlePath: 'news/{yyyy}/{mm}/{slug}',
    pollMinutes: 10,
    ...overrides,
  });
}

/** An article of `outlet` parsed from front matter text, like the files under demo-site/articles. */
export function makeArticle(outlet: Outlet, slug: string, frontMatter: string[], paragraphs: string[]): Article {
  const text = ['---', ...frontMatter, '---', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
  return parseArticleFile(`${slug}.md`, text, outlet);
}

/** Two short articles; the first headline contains an ampersand to exercise escaping. */
export function sampleArticles(outlet: Outlet): Article[] {
  return [
    makeArticle(
      outlet,
      'talks-in-oslo',
      ['headline: Norway & Sweden hold talks in Oslo', 'published: 2026-10-07T10:00:00Z', 'author: A. Writer'],
      [
        'Norway and Sweden held talks in Oslo on Wednesday about fishing quotas.',
        'The ministers agreed to meet again next month.',
        'Both sides called the talks “useful” – a café owner nearby disagreed.',
        'No agreement was signed.',
      ],
    ),
    makeArticle(
      outlet,
      'aid-to-lima',
      ['headline: Chile sends aid to Peru', 'published: 2026-10-06T08:30:00Z', 'author: B. Writer', 'paywall: true'],
      [
        'Chile sent two aircraft of emergency supplies to Lima on Tuesday.',
        'The supplies include tents and medicine.',
        'Peru thanked the Chilean government.',
        'More flights are planned for Friday.',
      ],
    ),
  ];
}

/** A one-outlet site with the sample articles and minimal boilerplate. */
export function sampleSite(outlet: Outlet = makeOutlet()): SiteContent {
  const chrome = {
    cookieText: 'We use cookies.',
    cookieAccept: 'OK',
    cookieManage: 'Settings',
    newsletterTitle: 'Newsletter',
    newsletterText: 'Daily news.',
    newsletterButton: 'Sign up',
    emailPlaceholder: 'Email',
    shareLabel: 'Share',
    relatedTitle: 'Related',
    latestTitle: 'Latest',
    commentsTitle: 'Comments',
    commentsNote: 'Moderated.',
    paywallText: 'Subscribers only.',
    subscribe: 'Subscribe',
    signIn: 'Sign in',
    advert: 'Advertisement',
    readAlso: 'Read also',
    footerLinks: ['About'],
    comments: [{ user: 'reader', text: 'Interesting.' }],
  };
  return { outlets: [outlet], articles: new Map([[outlet.id, sampleArticles(outlet)]]), chrome: { en: chrome } };
}
