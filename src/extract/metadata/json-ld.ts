/**
 * Reads schema.org article metadata from JSON-LD blocks (top-level arrays and `@graph` too).
 * Broken JSON is common on news sites; a block that does not parse is skipped, never fatal.
 */

/** Article fields as JSON-LD states them (raw strings; dates are normalised by the caller). */
export interface JsonLdArticle {
  headline: string | null;
  /** The article's `name`, which some sites fill with the headline and `headline` with a lead sentence. */
  name: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  isAccessibleForFree: boolean | null;
  publisher: string | null;
  inLanguage: string | null;
  isArticle: boolean;
  /** The article's full text when the page states it (`articleBody`), raw. */
  articleBody: string | null;
}

/** Dates that some other object states (a WebPage), for pages whose article object has none. */
export interface JsonLdPageDates {
  datePublished: string | null;
  dateModified: string | null;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|Posting)$/;
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: Json, out: JsonObject[]): void {
  if (Array.isArray(value)) for (const item of value) flatten(item, out);
  else if (isObject(value)) {
    out.push(value);
    const graph = value['@graph'];
    if (graph !== undefined) flatten(graph, out);
  }
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value['@value']);
  return null;
}

function names(value: Json | undefined): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => text(v)).filter((v): v is string => v !== null && !/^https?:/.test(v));
}

function isArticleType(obj: JsonObject): boolean {
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

function accessibleForFree(value: Json | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return /^true$/i.test(value.trim()) ? true : /^false$/i.test(value.trim()) ? false : null;
  return null;
}

/** The objects of a page's JSON-LD scripts (top-level arrays and `@graph` flattened), in order. */
export type JsonLdObjects = readonly JsonObject[];

/** Parses the page's JSON-LD script texts once, for the readers below. */
export function parseJsonLd(scripts: readonly string[]): JsonLdObjects {
  const objects: JsonObject[] = [];
  for (const script of scripts) {
    try {
      flatten(JSON.parse(script) as Json, objects);
    } catch {
      // Malformed JSON-LD is frequent (trailing commas, raw newlines); other sources still apply.
    }
  }
  return objects;
}

/** The first dates stated by any JSON-LD object (WebPage, CreativeWork...), whatever its type. */
export function readJsonLdDates(objects: JsonLdObjects): JsonLdPageDates {
  const first = (key: string): string | null => {
    for (const obj of objects) {
      const value = text(obj[key]);
      if (value !== null) return value;
    }
    return null;
  };
  return { datePublished: first('datePublished'), dateModified: first('dateModified') };
}

/** The first article-typed object's fields. */
export function readJsonLd(objects: JsonLdObjects): JsonLdArticle | null {
  const article = objects.find(isArticleType) ?? null;
  if (article === null) return null;
  return {
    headline: text(article.headline ?? article.name),
    name: text(article.name),
    authors: names(article.author ?? article.creator),
    datePublished: text(article.datePublished ?? article.dateCreated),
    dateModified: text(article.dateModified),
    isAccessibleForFree: accessibleForFree(article.isAccessibleForFree),
    publisher: text(article.publisher),
    inLanguage: text(article.inLanguage),
    isArticle: true,
    articleBody: typeof article.articleBody === 'string' ? article.articleBody : null,
  };
}
