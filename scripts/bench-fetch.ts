/**
 * Throughput of src/fetch on this machine: URL canonicalisation, the address check, and whole fetches
 * (SSRF check, robots cache, gate, gzip decode) against a loopback server; plus how little of a gzip
 * bomb is read before the cap stops it. Loopback only. Usage: npx tsx scripts/bench-fetch.ts [requests]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import {
  BodyTooLargeError,
  canonicalUrl,
  defaultFetchPolicy,
  HttpFetcher,
  isBlockedAddress,
} from '../src/fetch/index.js';
import { BOMB_MEMBER, BOMB_MEMBERS, streamGzipBomb } from '../tests/helpers/gzip-bomb.js';

const PAGE = zlib.gzipSync(
  Buffer.from(`<html><body>${'<p>A council met and agreed nothing new.</p>'.repeat(1000)}</body></html>`),
);

function opsPerSec(count: number, run: (i: number) => void): number {
  for (let i = 0; i < Math.min(count, 1000); i++) run(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < count; i++) run(i);
  return count / ((performance.now() - started) / 1000);
}

function sampleUrls(): string[] {
  const urls: string[] = [];
  for (let i = 0; i < 500; i++) {
    urls.push(`HTTPS://WWW.News${i % 17}.Example:443/World/Story-${i}/?utm_source=rss&b=${i}&a=2&fbclid=x${i}#top`);
    urls.push(`http://bücher${i % 5}.example/%7Eeditor/${i}//?z=1&ref=home`);
  }
  return urls;
}

function startServer(counter: { bombBytes: number }): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.url === '/robots.txt') return void response.writeHead(200).end('User-agent: *\nDisallow: /private/\n');
    if (request.url === '/bomb') return void sendBomb(response, counter);
    if (request.headers['if-none-match'] === '"p1"') return void response.writeHead(304, { etag: '"p1"' }).end();
    response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', etag: '"p1"' }).end(PAGE);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function sendBomb(response: http.ServerResponse, counter: { bombBytes: number }): Promise<void> {
  return streamGzipBomb(response, () => {
    counter.bombBytes += BOMB_MEMBER.length;
  });
}

async function timeFetches(fetcher: HttpFetcher, url: string, count: number, etag?: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fetcher.fetch({ url, etag });
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const requests = Math.max(10, Number(process.argv[2] ?? 300));
  const urls = sampleUrls();
  const canonicalPerSec = opsPerSec(50_000, (i) => canonicalUrl(urls[i % urls.length] ?? ''));
  const addresses = ['8.8.8.8', '10.1.2.3', '::ffff:169.254.169.254', '2606:4700::1111', '64:ff9b::a00:1'];
  const addressPerSec = opsPerSec(200_000, (i) => isBlockedAddress(addresses[i % addresses.length] ?? ''));

  const counter = { bombBytes: 0 };
  const server = await startServer(counter);
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetcher = new HttpFetcher(
    defaultFetchPolicy({ allowedHosts: [host], minHostIntervalMs: 0, maxBytes: 1024 * 1024 }),
  );
  const full = await timeFetches(fetcher, `http://${host}/page`, requests);
  const conditional = await timeFetches(fetcher, `http://${host}/page`, requests, '"p1"');
  const bomb = await fetcher.fetch({ url: `http://${host}/bomb` }).catch((error: unknown) => error);
  server.closeAllConnections();
  server.close();

  const fullPerSec = requests / (full.reduce((a, b) => a + b, 0) / 1000);
  const bombReadShare = counter.bombBytes / (BOMB_MEMBER.length * BOMB_MEMBERS);
  console.log(`fetch bench (one thread, loopback, ${requests} sequential requests per row)`);
  console.log(`canonicalUrl                        ${canonicalPerSec.toFixed(0).padStart(10)} urls/s`);
  console.log(`isBlockedAddress                    ${addressPerSec.toFixed(0).padStart(10)} checks/s`);
  console.log(
    `fetch 200 gzip (${(zlib.gunzipSync(PAGE).length / 1024).toFixed(0)} KiB decoded)  ${fullPerSec.toFixed(0).padStart(10)} req/s  p50 ${quantile(full, 0.5).toFixed(2)} ms  p95 ${quantile(full, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `fetch 304 conditional               ${' '.repeat(10)}        p50 ${quantile(conditional, 0.5).toFixed(2)} ms  p95 ${quantile(conditional, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `gzip bomb (${BOMB_MEMBERS * 16} MiB decoded, 1 MiB cap) stopped: ${bomb instanceof BodyTooLargeError}, server got ${(bombReadShare * 100).toFixed(1)}% of it onto the wire`,
  );
  console.log(
    `RESULT ${JSON.stringify({
      fetch_canonical_urls_per_sec: Math.round(canonicalPerSec),
      fetch_address_checks_per_sec: Math.round(addressPerSec),
      fetch_loopback_req_per_sec: Math.round(fullPerSec),
      fetch_loopback_p95_ms: Number(quantile(full, 0.95).toFixed(2)),
      fetch_304_p50_ms: Number(quantile(conditional, 0.5).toFixed(2)),
      fetch_bomb_stopped: bomb instanceof BodyTooLargeError,
      fetch_bomb_share_sent: Number(bombReadShare.toFixed(4)),
    })}`,
  );
}

await main();
