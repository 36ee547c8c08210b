import type { EventCoder } from '../coder/index.js';
import type { HttpFetcher } from '../fetch/index.js';
import type { ArticleMessage, CodeMessage, FeedMessage } from '../queue/messages.js';
import type { MessageSink } from '../queue/sink.js';
import type { ArticleStore } from '../storage/article-store.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { EventStore } from '../storage/event-store.js';
import type { FeedStore } from '../storage/feed-store.js';
import type { StageObserver } from './observer.js';

/** Everything the stages use, passed in so Lambda handlers, the local runner and tests share the same code. */
export interface StageDeps {
  feeds: FeedStore;
  articles: ArticleStore;
  events: EventStore;
  blobs: BlobStore;
  fetcher: HttpFetcher;
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
