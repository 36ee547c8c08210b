import {
  type EventReader,
  filterFromParams,
  InvalidCursorError,
  InvalidFilterError,
  MAX_PAGE_SIZE,
} from '../client/index.js';
import { parseIsoTime } from '../core/dates.js';
import { describeError } from '../core/errors.js';

export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** The largest page the API serves; `limit` defaults to 100. */
export const API_MAX_LIMIT = Math.min(500, MAX_PAGE_SIZE);

const EVENT_PARAMETERS = ['from', 'to', 'actor', 'role', 'type', 'root', 'location', 'limit', 'cursor'];

/**
 * The read-only events API, shared by the Lambda behind API Gateway and the local server:
 *   GET /events?from&to&actor&role&type&root&location&limit&cursor
 *   GET /events/{id}   GET /events/{id}/mentions?limit&cursor   GET /articles/{id}/events
 *   GET /changes?since&limit&cursor
 * Every parameter is checked: an unknown one, a date that does not exist, a limit that is not a whole number from
 * 1 to API_MAX_LIMIT, an over-long id or a cursor this API did not issue for this query is a 400 with the reason.
 * A 500 means a fault of ours, never of the request.
 */
export async function handleApiRequest(request: ApiRequest, reader: EventReader): Promise<ApiResponse> {
  if (request.method !== 'GET') return { status: 405, body: { error: 'read-only API: GET only' } };
  const parts = request.path.split('/').filter(Boolean);
  const { query } = request;
  try {
    if (parts.length === 1 && parts[0] === 'events') {
      allowOnly(query, EVENT_PARAMETERS);
      return ok(await reader.events({ ...filterFromParams(query), limit: limitOf(query), ...cursorOf(query) }));
    }
    if (parts.length === 2 && parts[0] === 'events' && parts[1]) {
      allowOnly(query, []);
      const event = await reader.get(parts[1]);
      return event ? ok(event) : { status: 404, body: { error: `no event ${parts[1]}` } };
    }
    if (parts.length === 3 && parts[0] === 'events' && parts[1] && parts[2] === 'mentions') {
      allowOnly(query, ['limit', 'cursor']);
      return ok(await reader.mentions(parts[1], { limit: limitOf(query), ...cursorOf(query) }));
    }
    if (parts.length === 3 && parts[0] === 'articles' && parts[1] && parts[2] === 'events') {
      allowOnly(query, []);
      return ok({ items: await reader.eventsOfArticle(parts[1]) });
    }
    if (parts.length === 1 && parts[0] === 'changes') {
      allowOnly(query, ['since', 'limit', 'cursor']);
      const since = query.since === undefined ? new Date(Date.now() - 3_600_000) : parseIsoTime(query.since);
      if (!since)
        throw new InvalidFilterError(
          `since must be an ISO 8601 time such as 2026-01-31T12:00:00Z, got "${clip(query.since)}"`,
        );
      return ok(await reader.changedSince(since, { limit: limitOf(query), ...cursorOf(query) }));
    }
    return { status: 404, body: { error: `no route ${clip(request.path)}` } };
  } catch (error) {
    const { name, message } = describeError(error);
    const clientError = error instanceof InvalidCursorError || error instanceof InvalidFilterError;
    return { status: clientError ? 400 : 500, body: { error: `${name}: ${clientError ? message : 'internal error'}` } };
  }
}

function allowOnly(query: ApiRequest['query'], allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length > 0)
    throw new InvalidFilterError(
      `unknown parameter ${unknown.map((name) => `"${clip(name)}"`).join(', ')}; this route takes ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
    );
}

function limitOf(query: ApiRequest['query']): number {
  const value = query.limit;
  if (value === undefined) return 100;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > API_MAX_LIMIT)
    throw new InvalidFilterError(`limit must be a whole number from 1 to ${API_MAX_LIMIT}, got "${clip(value)}"`);
  return limit;
}

function cursorOf(query: ApiRequest['query']): { cursor?: string } {
  return query.cursor === undefined ? {} : { cursor: query.cursor };
}

function clip(value: string | undefined): string {
  const text = value ?? '';
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}
