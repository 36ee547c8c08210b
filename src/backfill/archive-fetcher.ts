import { canonicalUrl, type FetchRequest, type FetchResult } from '../fetch/index.js';
import type { PageFetcher } from '../stages/deps.js';
import type { ArchivedPage } from './archive-records.js';
import { NotInArchiveError } from './errors.js';

/**
 * The fetch stage's fetcher during a backfill: it answers the URL of an archived page with the stored response,
 * so the unchanged fetch-article stage extracts, deduplicates and stores it as if it had been fetched. Pages are
 * held by canonical URL (an article's identity), so a feed link with tracking parameters finds its archived page.
 * It holds only the records being taken through the stages, and never touches the network.
 */
export class ArchiveFetcher implements PageFetcher {
  private readonly pages = new Map<string, ArchivedPage>();

  /** Holds a page until `release`; a later record of the same page replaces an earlier one. */
  hold(page: ArchivedPage): void {
    this.pages.set(page.canonical, page);
  }

  release(): void {
    this.pages.clear();
  }

  /** @throws NotInArchiveError for a URL none of the held pages has */
  async fetch(request: FetchRequest): Promise<FetchResult> {
    const page = this.pages.get(safeCanonical(request.url));
    if (!page) throw new NotInArchiveError(request.url);
    return {
      requestedUrl: request.url,
      finalUrl: page.url,
      status: page.status,
      notModified: false,
      headers: page.headers,
      body: page.body,
      etag: page.headers.etag ?? null,
      lastModified: page.headers['last-modified'] ?? null,
      elapsedMs: 0,
    };
  }
}

function safeCanonical(url: string): string {
  try {
    return canonicalUrl(url);
  } catch {
    return url;
  }
}
