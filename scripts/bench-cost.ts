// Cost model: runs the real stages on the local stack with metered SDK clients, in production's shape (feeds that
// list 30 items of which 3 are new at each poll, outlets on hosts of their own, the DynamoDB host gate and the
// deployed per-host interval) and in the curated demo's shape (every item new), and prices what they used with
// data/pricing/us-east-1.json. Usage:
//   npx tsx scripts/bench-cost.ts [--listed 30] [--new 3] [--per-host N] [--events-per-article N]
// --per-host: how many of one host's new articles share an article batch (default: --new); --events-per-article
// reprices the production shape for another number of new events per article from its measured split.
import { parseArgs } from 'node:util';
import { FUNCTION_SPECS } from '../infra/functions.js';
import { createEventCoder } from '../src/coder/index.js';
import { startLocalStack } from '../src/local/stack.js';
import { createAwsClients } from '../src/storage/clients.js';
import { DynamoEventStore, TRACKED_REPORTS } from '../src/storage/event-store.js';
import { TABLES } from '../src/storage/table-design.js';
import {
  type Capacity,
  DAILY_VOLUMES,
  DEPLOYED,
  HEADLINE_DAILY,
  loadPricing,
  type Pricing,
  perMillion,
  round,
  servicesOf,
  type Tracing,
  usageOf,
} from './lib/cost-model.js';
import { type Measured, runDemoShape, runProductionShape } from './lib/cost-scenarios.js';
import { meterDynamo } from './lib/dynamo-meter.js';

const { values: args } = parseArgs({
  options: {
    listed: { type: 'string', default: '30' },
    new: { type: 'string', default: '3' },
    'per-host': { type: 'string' },
    'events-per-article': { type: 'string' },
  },
});
const listed = positiveInt(args.listed, '--listed');
const fresh = positiveInt(args.new, '--new');
if (fresh > listed) throw new Error('--new cannot exceed --listed');
const perHost = args['per-host'] === undefined ? fresh : positiveInt(args['per-host'], '--per-host');
/** How the deployed functions are traced (infra: every function's tracing mode). */
const TRACING: Tracing = 'active';

function positiveInt(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number from 1, got ${value}`);
  return n;
}

const pricing = await loadPricing();
const production = await runProductionShape({ listed, fresh, perHost });
const demo = await runDemoShape();

const lines: string[] = [
  `cost model: prices ${pricing.asOf} (${pricing.source})`,
  `production shape: ${production.articles} new articles from ${production.polls} polls of feeds listing ${listed} items, ${fresh} new per poll, ${perHost} of a host's articles per article batch, hosts ${DEPLOYED.hostIntervalMs} ms apart`,
  `demo shape: ${demo.articles} articles, every feed item new, one host`,
  `per-million figures at ${HEADLINE_DAILY.toLocaleString('en')} articles a day; tracing ${TRACING}`,
  '',
];
const result: Record<string, unknown> = {};
for (const m of [production, demo]) lines.push(...describe(pricing, m), '');
lines.push(...reviewCheck(pricing, production), '');
lines.push(
  '== what each lever saves on the production shape (USD per million articles; the usage it avoids, from this run)',
  ...Object.entries(leverFigures(pricing, production)).map(
    ([name, usd]) => `  ${name.padEnd(32)} ${usd.toFixed(2).padStart(8)}`,
  ),
  '',
);
const eventsPerArticle = args['events-per-article'];
if (eventsPerArticle !== undefined) lines.push(...reprice(pricing, production, Number(eventsPerArticle)), '');
const large = await reportLargeEvent();
lines.push(
  `large event (one happening, ${Object.keys(large).at(-1)} reports): write units to record report ${Object.entries(
    large,
  )
    .map(([n, units]) => `#${n} ${units}`)
    .join(', ')}`,
);
process.stdout.write(`${lines.join('\n')}\n`);

const headline = (m: Measured, capacity: Capacity) => round(perMillion(pricing, m, HEADLINE_DAILY, TRACING, capacity));
const productionUsage = usageOf(pricing, production, HEADLINE_DAILY, TRACING);
Object.assign(result, {
  cost_usd_per_million_articles: headline(production, 'on-demand'),
  cost_provisioned_usd_per_million_articles: headline(production, 'provisioned'),
  cost_reserved_usd_per_million_articles: headline(production, 'reserved'),
  cost_demo_shape_usd_per_million_articles: headline(demo, 'on-demand'),
  cost_demo_shape_provisioned_usd_per_million_articles: headline(demo, 'provisioned'),
  cost_by_service_usd_per_million: mapValues(servicesOf(pricing, productionUsage), (usd) => round(usd * 1e6)),
  cost_monthly_usd: Object.fromEntries(
    DAILY_VOLUMES.map((daily) => [
      String(daily),
      Object.fromEntries(
        (['on-demand', 'provisioned', 'reserved'] as const).map((capacity) => [
          capacity,
          round((perMillion(pricing, production, daily, TRACING, capacity) * daily * 30) / 1e6, 0),
        ]),
      ),
    ]),
  ),
  requests_per_article: mapValues({ ...productionUsage }, (n) => round(n)),
  requests_per_article_demo_shape: mapValues({ ...usageOf(pricing, demo, HEADLINE_DAILY, TRACING) }, (n) => round(n)),
  dynamodb_wru_per_article: round(wruPerArticle(production)),
  dynamodb_wru_per_new_event: round(wruPerNewEvent(production)),
  dynamodb_wru_per_article_demo_shape: round(wruPerArticle(demo)),
  dynamodb_wru_per_new_event_demo_shape: round(wruPerNewEvent(demo)),
  lambda_gb_seconds_per_article: round(productionUsage.lambda_gb_seconds),
  cost_review_usd_per_million: mapValues(reviewFigures(pricing, production), (usd) => round(usd)),
  cost_levers_usd_per_million: mapValues(leverFigures(pricing, production), (usd) => round(usd)),
  large_event_report_wru: large,
});
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
process.exit(0);

function mapValues<T>(record: Record<string, T>, f: (value: T) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

function wruPerArticle(m: Measured): number {
  return (m.dynamo.tableWru + m.dynamo.indexWru) / m.articles;
}

function newEvents(m: Measured): number {
  return m.dynamo.byKind.get('EVENT/EVENT new')?.writes ?? 0;
}

/** Write units of the events table and its indexes, per event created. */
function wruPerNewEvent(m: Measured): number {
  const events = TABLES.find((table) => table.id === 'events');
  const names = [
    m.tableNames.events,
    ...(events?.indexes ?? []).map((index) => `${m.tableNames.events}/${index.name}`),
  ];
  const units = names.reduce((sum, name) => sum + (m.dynamo.byTarget.get(name) ?? 0), 0);
  return units / Math.max(1, newEvents(m));
}

/**
 * What the write that creates an event costs, cause by cause: the item (a unit per started KB of it) and each index
 * it enters (a unit per entry: keys and three short attributes).
 */
function newEventCost(m: Measured): string {
  const kind = 'EVENT/EVENT new';
  const writes = Math.max(1, newEvents(m));
  const per = (units: number) => (units / writes).toFixed(2);
  const targets = [...(m.dynamo.byKindTarget.get(kind) ?? new Map<string, number>())];
  const table = targets.find(([target]) => target === m.tableNames.events)?.[1] ?? 0;
  const indexes = targets.filter(([target]) => target !== m.tableNames.events).sort((a, b) => b[1] - a[1]);
  const bytes = m.dynamo.bytesByKind.get(kind) ?? { min: 0, max: 0, total: 0 };
  return [
    `a new event: ${per(table)} table units (items of ${bytes.min} to ${bytes.max} bytes, ${Math.round(bytes.total / writes)} on average)`,
    `+ ${per(indexes.reduce((sum, [, units]) => sum + units, 0))} index units`,
    `(${indexes.map(([target, units]) => `${target.split('/').at(-1)} ${per(units)}`).join(', ')})`,
  ].join(' ');
}

function describe(p: Pricing, m: Measured): string[] {
  const usage = usageOf(p, m, HEADLINE_DAILY, TRACING);
  const services = servicesOf(p, usage);
  const per = (value: number) => value / m.articles;
  const times = (['feed', 'article', 'code'] as const).map(
    (stage) =>
      `${stage} ${m.counters.times[stage].invocations} invocations, ${(m.counters.times[stage].ms / Math.max(1, m.counters.times[stage].invocations)).toFixed(0)} ms each`,
  );
  const heaviest = [...m.dynamo.byTarget]
    .sort((a, b) => b[1] - a[1])
    .map(([target, units]) => `${target.replace(/^eventwire-/, '')} ${per(units).toFixed(2)}`);
  const kinds = [...m.dynamo.byKind]
    .sort((a, b) => b[1].units - a[1].units)
    .map(([kind, { writes, units }]) => `${kind} ${per(writes).toFixed(2)}x ${per(units).toFixed(2)}`);
  const failed = [...m.dynamo.failedByKind].map(([kind, n]) => `${kind} ${per(n).toFixed(2)}`);
  return [
    `== ${m.name} shape (${m.articles} articles, ${newEvents(m)} new events)`,
    `billed time: ${times.join('; ')}`,
    `write units per article by table/index: ${heaviest.join(', ')}`,
    `writes per article by item kind (writes x units): ${kinds.join(', ')}`,
    `failed conditional writes per article: ${failed.join(', ') || 'none'}`,
    `DynamoDB write units: ${wruPerArticle(m).toFixed(2)} per article, ${wruPerNewEvent(m).toFixed(2)} (events table and its indexes) per new event`,
    newEventCost(m),
    'per article',
    ...Object.entries(usage).map(([name, value]) => `  ${name.padEnd(20)}${value.toFixed(4).padStart(10)}`),
    ...Object.entries(services).map(
      ([service, usd]) => `  ${service.padEnd(12)} ${(usd * 1e6).toFixed(2).padStart(8)} USD / million articles`,
    ),
    ...(['on-demand', 'provisioned', 'reserved'] as const).map(
      (capacity) =>
        `  ${`total ${capacity}`.padEnd(22)} ${perMillion(p, m, HEADLINE_DAILY, TRACING, capacity).toFixed(2).padStart(8)} USD / million articles`,
    ),
    ...DAILY_VOLUMES.map(
      (daily) =>
        `  ${String(daily).padStart(9)} articles/day -> ${(['on-demand', 'provisioned', 'reserved'] as const)
          .map((c) => `${c} ${((perMillion(p, m, daily, TRACING, c) * daily * 30) / 1e6).toFixed(0)}`)
          .join(', ')} USD / month`,
    ),
  ];
}

/** The review's points, each priced on the production-shape run (USD per million articles). */
function reviewFigures(p: Pricing, m: Measured): Record<string, number> {
  const per = (value: number) => value / m.articles;
  const wru = p.dynamodb.writeRequestUnitsPerMillion;
  const rru = p.dynamodb.readRequestUnitsPerMillion;
  const knownWrites = per(m.dynamo.failedByKind.get('ARTICLE/ARTICLE') ?? 0);
  // Each refused put is followed by a consistent read of the article (one unit below 4 KB).
  const knownReads = knownWrites;
  const gate = m.dynamo.byTarget.get(m.tableNames.state) ?? 0;
  const gateReads = m.dynamo.readsByKind.get('HOST/gate') ?? 0;
  const sleptGbSeconds = per(m.counters.waits.ms / 1000) * (FUNCTION_SPECS['fetch-article'].memoryMb / 1024);
  const deferralRequests = per(m.counters.sqs.deferrals) * 3; // send, receive and delete of the message again
  return {
    known_items_resubmitted: knownWrites * wru + knownReads * rru,
    deferral_sqs: deferralRequests * p.sqs.standardRequestsPerMillion,
    sleeping_instead_of_deferring: sleptGbSeconds * p.lambda.arm64GbSecond * 1e6,
    host_gate_in_dynamodb: per(gate) * wru + per(gateReads) * rru,
    xray_active_default_rule:
      perMillion(p, m, HEADLINE_DAILY, 'active', 'on-demand') -
      perMillion(p, m, HEADLINE_DAILY, 'pass-through', 'on-demand'),
    messages_sent_one_by_one:
      per(m.counters.sqs.unbatchedRequests - m.counters.sqs.sendRequests) * p.sqs.standardRequestsPerMillion,
  };
}

/**
 * Each design lever priced by the usage it avoids in this run, against the design before it: re-listed items put
 * and read again at every poll (less the feed's memory of them); waits for a host slot or a Retry-After slept in
 * the fetch invocation (less the SQS requests that carry them); each record's own SendMessageBatch; one bus event
 * per event change; an index of dates every new event entered (one write unit each: keys and three short
 * attributes).
 */
function leverFigures(p: Pricing, m: Measured): Record<string, number> {
  const per = (value: number) => value / m.articles;
  const wru = p.dynamodb.writeRequestUnitsPerMillion;
  const rru = p.dynamodb.readRequestUnitsPerMillion;
  const relisted = per(m.polls * (listed - fresh));
  const memory = per(m.dynamo.byKind.get('FEED/KNOWN')?.units ?? 0);
  const gb = FUNCTION_SPECS['fetch-article'].memoryMb / 1024;
  const slept = per((m.counters.waits.ms + m.counters.waits.heldAheadMs) / 1000) * gb;
  const deferralRequests = per(m.counters.sqs.deferrals) * 3;
  return {
    known_items_remembered: relisted * (wru + rru) - memory * wru,
    politeness_without_sleep:
      slept * p.lambda.arm64GbSecond * 1e6 - deferralRequests * p.sqs.standardRequestsPerMillion,
    sends_coalesced:
      per(m.counters.sqs.unbatchedRequests - m.counters.sqs.sendRequests) * p.sqs.standardRequestsPerMillion,
    one_bus_event_per_article: per(m.dynamo.recordChanges - m.dynamo.busEvents) * p.eventbridge.customEventsPerMillion,
    no_date_index: per(newEvents(m)) * wru,
  };
}

function reviewCheck(p: Pricing, m: Measured): string[] {
  const figures = reviewFigures(p, m);
  return [
    '== the review, checked on the production shape (USD per million articles)',
    ...Object.entries(figures).map(([name, usd]) => `  ${name.padEnd(32)} ${usd.toFixed(2).padStart(8)}`),
    `  deferrals: ${m.counters.waits.count} messages (${(m.counters.waits.count / m.articles).toFixed(2)} per article), waiting ${(m.counters.waits.ms / 1000).toFixed(1)} s in all`,
  ];
}

/** The production shape priced for another number of new events per article, from its measured split. */
function reprice(p: Pricing, m: Measured, events: number): string[] {
  const measured = newEvents(m) / m.articles;
  const total = perMillion(p, m, HEADLINE_DAILY, TRACING, 'on-demand');
  const eventUnits = (m.dynamo.byTarget.get(m.tableNames.events) ?? 0) / Math.max(1, newEvents(m));
  const perEvent = eventUnits * p.dynamodb.writeRequestUnitsPerMillion;
  return [
    `== production shape repriced at ${events} new events per article (measured ${measured.toFixed(2)}; ${perEvent.toFixed(2)} USD per million events each)`,
    `  ${(total + (events - measured) * perEvent).toFixed(2)} USD / million articles`,
  ];
}

/** Reports of one event at which the write units of a single report are printed. */
async function reportLargeEvent(): Promise<Record<string, number>> {
  const milestones = [1, 10, 100, TRACKED_REPORTS, TRACKED_REPORTS + 1, TRACKED_REPORTS + 100];
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-large-'));
  const stack = await startLocalStack(dataDir);
  const config = stack.config();
  const clients = createAwsClients(config);
  try {
    const usage = meterDynamo(
      clients.dynamo,
      config.endpoints.dynamodb ?? '',
      new Map(TABLES.map((design) => [config.tables[design.id], design])),
      config.tables.events,
    );
    const store = new DynamoEventStore(clients.doc, config.tables.events);
    const [event] = createEventCoder().code({
      text: 'French and German ministers met in Berlin on Monday to discuss energy prices.',
      date: '2026-11-02',
    }).events;
    if (!event) throw new Error('the large-event sentence codes no event');
    const costs: Record<string, number> = {};
    const last = milestones.at(-1) ?? 0;
    for (let n = 1; n <= last; n += 1) {
      const before = usage.tableWru + usage.indexWru;
      await store.recordMentions(
        {
          article_id: `large-${String(n).padStart(5, '0')}-${'x'.repeat(10)}`,
          url: `http://127.0.0.1/large/${n}`,
          outlet: `Outlet ${n % 40}`,
          title: null,
          published: null,
        },
        [event],
        '2026-11-02',
        new Date(),
      );
      if (milestones.includes(n)) costs[String(n)] = usage.tableWru + usage.indexWru - before;
    }
    return costs;
  } finally {
    clients.s3.destroy();
    clients.dynamo.destroy();
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
