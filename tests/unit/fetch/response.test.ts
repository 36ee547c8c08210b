import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HttpStatusError, InvalidUrlError, RateLimitedError, TlsDowngradeError } from '../../../src/fetch/index.js';
import { redirectTarget, statusError } from '../../../src/fetch/response.js';

function response(statusCode: number, headers: Record<string, string>): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.statusCode = statusCode;
  message.headers = headers;
  return message;
}

describe('redirectTarget', () => {
  it('resolves a relative Location against the current URL', () => {
    const next = redirectTarget(new URL('https://news.example/a/b'), response(301, { location: '../c?x=1' }));

    expect(next?.href).toBe('https://news.example/c?x=1');
  });

  it('answers undefined for a response that is not a redirect', () => {
    expect(redirectTarget(new URL('https://news.example/'), response(200, { location: '/elsewhere' }))).toBeUndefined();
  });

  it('answers undefined for a redirect status without a Location', () => {
    expect(redirectTarget(new URL('https://news.example/'), response(302, {}))).toBeUndefined();
  });

  it('refuses a downgrade from https to http', () => {
    const hop = (): URL | undefined =>
      redirectTarget(new URL('https://news.example/a'), response(302, { location: 'http://news.example/a' }));

    expect(hop).toThrow(TlsDowngradeError);
  });

  it('allows an upgrade from http to https', () => {
    const next = redirectTarget(
      new URL('http://news.example/a'),
      response(308, { location: 'https://news.example/a' }),
    );

    expect(next?.protocol).toBe('https:');
  });

  it('refuses a Location with a scheme other than http or https', () => {
    const hop = (): URL | undefined =>
      redirectTarget(new URL('https://news.example/a'), response(302, { location: 'gopher://news.example/' }));

    expect(hop).toThrow(InvalidUrlError);
  });
});

describe('statusError', () => {
  it('gives 429 without Retry-After a default wait', () => {
    expect(statusError('https://news.example/', 429, undefined)).toMatchObject({
      name: 'RateLimitedError',
      retryAfterMs: 60_000,
    });
  });

  it('marks server errors retryable and client errors permanent', () => {
    expect(statusError('https://news.example/', 502, undefined)).toMatchObject({ retryable: true, status: 502 });
    expect(statusError('https://news.example/', 404, undefined)).toMatchObject({ retryable: false, status: 404 });
  });

  it('honours Retry-After on 503 only through RateLimitedError', () => {
    expect(statusError('https://news.example/', 503, '30')).toBeInstanceOf(RateLimitedError);
    expect(statusError('https://news.example/', 503, undefined)).toBeInstanceOf(HttpStatusError);
  });
});
