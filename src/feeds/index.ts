export { parseFeedDate } from './dates.js';
export { decodeBody } from './decode.js';
export { FeedParseError, FeedsError } from './errors.js';
export { parseFeed } from './parse-feed.js';
export type { BodyKind, DecodedBody, FeedFormat, FeedItem, ParsedFeed, ParseFeedOptions } from './types.js';
