import { z } from 'zod';

/** Feed syndication formats served by the demo outlets. */
export const FeedFormat = z.enum(['rss', 'atom', 'json']);
export type FeedFormat = z.infer<typeof FeedFormat>;

/** Page layouts; each outlet has its own so extraction meets different clutter. */
export const TemplateName = z.enum(['wire', 'globe', 'ledger', 'courier', 'echo']);
export type TemplateName = z.infer<typeof TemplateName>;

/** One outlet of demo-site/outlets.json (format documented in demo-site/README.md). */
export const OutletSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  kind: z.enum(['wire', 'newspaper', 'broadcaster']),
  language: z.string().min(2),
  feedFormat: FeedFormat,
  feedPath: z.string().min(1),
  encoding: z.enum(['utf-8', 'windows-1252']),
  template: TemplateName,
  metadata: z.enum(['json-ld', 'meta-tags']),
  articlePath: z.string().includes('{slug}'),
  pollMinutes: z.number().int().positive(),
  bozoFeed: z.boolean().default(false),
  trackingParams: z.boolean().default(false),
  tagline: z.string().default(''),
  nav: z.array(z.string()).default(['World', 'Politics', 'Business']),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const OutletsFileSchema = z.object({ outlets: z.array(OutletSchema).min(1) });

/** Front matter of one article file demo-site/articles/<outlet>/<slug>.md. */
export const FrontMatterSchema = z.object({
  headline: z.string().min(1),
  published: z.iso.datetime({ offset: true }),
  updated: z.iso.datetime({ offset: true }).optional(),
  author: z.string().min(1),
  section: z.string().default('World'),
  summary: z.string().optional(),
  language: z.string().optional(),
  paywall: z.boolean().default(false),
  alias: z.string().optional(),
  syndicatedFrom: z.string().optional(),
  boilerplate: z.string().optional(),
  tags: z.array(z.string()).default([]),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** An article ready to render: front matter plus body paragraphs and its resolved path. */
export interface Article extends FrontMatter {
  readonly outletId: string;
  readonly slug: string;
  readonly paragraphs: readonly string[];
  /** Absolute path on the demo origin, e.g. `/wire/article/slug`. */
  readonly path: string;
  /** Path used in the feed when the article has an alias (the page then links rel=canonical to `path`). */
  readonly feedLinkPath: string;
  readonly summaryText: string;
}

/** Boilerplate text of one language in demo-site/clutter.json (cookie banner, newsletter, comments...). */
export const ChromeTextSchema = z.object({
  cookieText: z.string(),
  cookieAccept: z.string(),
  cookieManage: z.string(),
  newsletterTitle: z.string(),
  newsletterText: z.string(),
  newsletterButton: z.string(),
  emailPlaceholder: z.string(),
  shareLabel: z.string(),
  relatedTitle: z.string(),
  latestTitle: z.string(),
  commentsTitle: z.string(),
  commentsNote: z.string(),
  paywallText: z.string(),
  subscribe: z.string(),
  signIn: z.string(),
  advert: z.string(),
  readAlso: z.string(),
  footerLinks: z.array(z.string()),
  comments: z.array(z.object({ user: z.string(), text: z.string() })).min(1),
});
export type ChromeText = z.infer<typeof ChromeTextSchema>;
export const ClutterFileSchema = z
  .record(z.string(), ChromeTextSchema)
  .refine((value) => 'en' in value, 'needs an "en" entry');

/** Everything the server renders: outlets and their articles, newest first. */
export interface SiteContent {
  readonly outlets: readonly Outlet[];
  readonly articles: ReadonlyMap<string, readonly Article[]>;
  /** Page boilerplate keyed by language; `en` is the fallback. */
  readonly chrome: Readonly<Record<string, ChromeText>>;
}
