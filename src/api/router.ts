import { type EventReader, filterFromParams, InvalidCursorError, InvalidFilterError } from '../client/index.js';
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

/**
 * The read-only events API, shared by the Lambda behind API Gateway and the local server:
 *   GET /events?from&to&actor&role&type&root&location&limit&cursor
 *   GET /events/{id}   GET /events/{id}/mentions   GET /articles/{id}/events   GET /changes?since&cursor
 */
export async function handleApiRequest(request: ApiRequest, reader: EventReader): Promise<ApiResponse> {
  if (request.method !== 'GET') return { status: 405, body: { error: 'read-only API: GET only' } };
  const parts = request.path.split('/').filter(Boolean);
  try {
    if (parts.length === 1 && parts[0] === 'events') {
      const limit = request.query.limit ? Math.min(500, Number(request.query.limit)) : 100;
      return ok(
        await reader.events({
          ...filterFromParams(request.query),
          limit,
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        }),
      );
    }
    if (parts.length === 2 && parts[0] === 'events' && parts[1]) {
      const event = await reader.get(parts[1]);
      return event ? ok(event) : { status: 404, body: { error: `no event ${parts[1]}` } };
    }
    if (parts.length === 3 && parts[0] === 'events' && parts[1] && parts[2] === 'mentions') {
      return ok(await reader.mentions(parts[1], request.query.cursor ? { cursor: request.query.cursor } : {}));
    }
    if (parts.length === 3 && parts[0] === 'articles' && parts[1] && parts[2] === 'events') {
      return ok({ items: await reader.eventsOfArticle(parts[1]) });
    }
    if (parts.length === 1 && parts[0] === 'changes') {
      const since = new Date(request.query.since ?? Date.now() - 3_600_000);
      if (Number.isNaN(since.getTime())) return { status: 400, body: { error: 'since must be an ISO time' } };
      return ok(await reader.changedSince(since, request.query.cursor ? { cursor: request.query.cursor } : {}));
    }
    return { status: 404, body: { error: `no route ${request.path}` } };
  } catch (error) {
    const { name, message } = describeError(error);
    const clientError = error instanceof InvalidCursorError || error instanceof InvalidFilterError;
    return { status: clientError ? 400 : 500, body: { error: `${name}: ${clientError ? message : 'internal error'}` } };
  }
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}
