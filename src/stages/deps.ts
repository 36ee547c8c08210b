import type { EventCoder } from '../coder/index.js';
import type { FetchRequest, FetchResult, HostSlot } from '../fetch/index.js';
import type { ArticleMessage, CodeMessage, FeedMessage } from '../queue/messages.js';
import type { MessageSink } from '../queue/sink.js';
import type { ArticleStore } from '../storage/article-store.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { EventStore } from '../storage/event-store.js';
import type { FeedStore } from '../storage/feed-store.js';
import type { StageObserver } from './observer.js';

/** The one network client of the stages (HttpFetcher: SSRF-safe, polite, conditional). */
export interface PageFetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  /**
   * Books `count` slots of the host of `url` for requests its messages will send later (HostGate.reserve). Optional:
   * a fetcher without it (a replay of stored pages, a test) leaves each fetch to book its own.
   */
  reserve?(url: string, count: number): Promise<HostSlot[]>;
}

/**
 * Everything the stages use, as small interfaces passed in, so Lambda handlers, the local runner and unit tests
 * (with in-memory implementations) share the same stage code. The composition roots (src/runtime/roots/) give the
 * implementations on the AWS SDK clients.
 */
export interface StageDeps {
  feeds: FeedStore;
  articles: ArticleStore;
  events: EventStore;
  blobs: BlobStore;
  fetcher: PageFetcher;
  /** Loaded lazily: only the code stage pays for the NLP model. */
  coder: () => EventCoder;
  queues: { feed: MessageSink<FeedMessage>; article: MessageSink<ArticleMessage>; code: MessageSink<CodeMessage> };
  observer: StageObserver;
  clock: () => Date;
}

type Queues = StageDeps['queues'];
type Common = Pick<StageDeps, 'observer' | 'clock'>;

/** What each stage needs: a Lambda function builds only this, so its bundle and its grants stay small. */
export type ScheduleDeps = Common & Pick<StageDeps, 'feeds'> & { queues: Pick<Queues, 'feed'> };
export type FetchFeedDeps = Common &
  Pick<StageDeps, 'feeds' | 'articles' | 'fetcher'> & { queues: Pick<Queues, 'article'> };
export type FetchArticleDeps = Common &
  Pick<StageDeps, 'articles' | 'blobs' | 'fetcher'> & { queues: Pick<Queues, 'code'> };
export type CodeDeps = Common & Pick<StageDeps, 'articles' | 'events' | 'blobs' | 'coder'>;
