export type { ArticleCodedRecord, ArticleRecord, EventRecord, MentionRecord } from '../storage/records.js';
export { InvalidCursorError } from './cursor.js';
export { type EventFilter, EventReader, MAX_PAGE_SIZE, type Page } from './event-reader.js';
export { filterFromParams, InvalidFilterError } from './query-filter.js';
