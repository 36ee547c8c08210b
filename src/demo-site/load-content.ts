import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillArticlePath, teaserOf } from './article-path.js';
import {
  type Article,
  type ChromeText,
  ClutterFileSchema,
  FrontMatterSchema,
  type Outlet,
  OutletsFileSchema,
  type SiteContent,
} from './content-schema.js';
import { DemoContentError } from './errors.js';
import { parseFrontMatter } from './front-matter.js';

/** Folder holding outlets.json, articles/ and generator.json (repo-root `demo-site/`). */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../demo-site/', import.meta.url));

/** Read and validate outlets.json. */
export async function loadOutlets(contentDir: string = DEFAULT_CONTENT_DIR): Promise<Outlet[]> {
  const file = join(contentDir, 'outlets.json');
  const parsed = OutletsFileSchema.safeParse(JSON.parse(await readText(file)));
  if (!parsed.success) throw new DemoContentError(parsed.error.message, file);
  return parsed.data.outlets;
}

/** Read and validate clutter.json (page boilerplate per language). */
export async function loadChrome(contentDir: string = DEFAULT_CONTENT_DIR): Promise<Record<string, ChromeText>> {
  const file = join(contentDir, 'clutter.json');
  const parsed = ClutterFileSchema.safeParse(JSON.parse(await readText(file)));
  if (!parsed.success) throw new DemoContentError(parsed.error.message, file);
  return parsed.data;
}

/** Load the curated demo content: every outlet and its articles, newest first. */
export async function loadSiteContent(contentDir: string = DEFAULT_CONTENT_DIR): Promise<SiteContent> {
  const [outlets, chrome] = await Promise.all([loadOutlets(contentDir), loadChrome(contentDir)]);
  const lists = await Promise.all(outlets.map((outlet) => loadOutletArticles(contentDir, outlet)));
  const articles = new Map<string, readonly Article[]>();
  outlets.forEach((outlet, index) => {
    articles.set(outlet.id, lists[index] ?? []);
  });
  return { outlets, articles, chrome };
}

async function loadOutletArticles(contentDir: string, outlet: Outlet): Promise<Article[]> {
  const dir = join(contentDir, 'articles', outlet.id);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const articles = await Promise.all(
    names.map(async (name) => parseArticleFile(join(dir, name), await readText(join(dir, name)), outlet)),
  );
  return articles.sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
}

/** Turn one article file's text into an {@link Article} of `outlet`. */
export function parseArticleFile(file: string, text: string, outlet: Outlet): Article {
  const slug = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  let document: ReturnType<typeof parseFrontMatter>;
  try {
    document = parseFrontMatter(text);
  } catch (error) {
    throw new DemoContentError(error instanceof Error ? error.message : String(error), file, { cause: error });
  }
  const fields = FrontMatterSchema.safeParse(document.data);
  if (!fields.success) throw new DemoContentError(fields.error.message, file);
  if (document.paragraphs.length === 0) throw new DemoContentError('article has no body paragraphs', file);
  const path = `/${outlet.id}/${fillArticlePath(outlet.articlePath, { ...fields.data, slug })}`;
  return {
    ...fields.data,
    outletId: outlet.id,
    slug,
    paragraphs: document.paragraphs,
    path,
    feedLinkPath: fields.data.alias ? `/${outlet.id}/${fields.data.alias}` : path,
    summaryText: fields.data.summary ?? teaserOf(document.paragraphs[0] ?? ''),
  };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new DemoContentError('cannot be read', file, { cause: error });
  }
}
