export { EventReader, type EventFilter, type Page } from './event-reader.js';
export { InvalidCursorError } from './cursor.js';
export type { EventRecord, MentionRecord, ArticleRecord } from '../storage/records.js';
export { filterFromParams, InvalidFilterError } from './query-filter.js';
