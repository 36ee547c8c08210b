import { EventReader } from '../../../src/client/index.js';
import { DynamoEventStore } from '../../../src/storage/event-store.js';
import { startWebServer, type WebServer } from '../../../src/web/index.js';
import { ATHENS, codedEvent } from '../../helpers/coded-event.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

/** A test stack holding three events (a meeting, a protest, an attack) and the web server in front of it. */
export interface WebFixture {
  stack: TestStack;
  server: WebServer;
  close(): Promise<void>;
}

/** The range that holds every seeded event. */
export const SEEDED_RANGE = { from: '2026-10-01', to: '2026-10-31' };

const recordedAt = new Date('2026-10-06T12:00:00Z');
const wire = {
  article_id: 'a-wire',
  url: 'http://127.0.0.1/wire/1',
  outlet: 'Wire',
  title: 'Ministers meet in Berlin',
  published: '2026-10-05T10:00:00Z',
};
const daily = {
  article_id: 'a-daily',
  url: 'http://127.0.0.1/daily/7',
  outlet: 'Daily',
  title: 'Unrest in two cities',
  published: '2026-10-04T18:00:00Z',
};

// Offsets count characters of the whole article: these sentences start at character 100 and 40.
const meeting = codedEvent({ offsets: { source: [100, 106], verb: [128, 131], target: [111, 117] } });
const protest = codedEvent({
  type: 'PROTEST',
  code: '141',
  quad_class: 3,
  goldstein: -6.5,
  reciprocal: false,
  date: '2026-10-04',
  source: { text: 'Greek farmers', name: 'farmers', code: 'GRC', sector: 'AGR', entity_id: null, span: [40, 53] },
  target: null,
  sentence: 'Greek farmers marched through Athens against the new tax.',
  offsets: { source: [40, 53], verb: [54, 61], target: null },
  location: ATHENS,
});
const attack = codedEvent({
  type: 'ASSAULT',
  code: '190',
  quad_class: 4,
  goldstein: -10,
  reciprocal: false,
  date: '2026-10-03',
  source: { text: 'Russian forces', name: 'Russia', code: 'RUS', sector: 'MIL', entity_id: 'RUS', span: [200, 214] },
  target: { text: 'Kharkiv', name: 'Ukraine', code: 'UKR', sector: null, entity_id: 'UKR', span: [224, 231] },
  sentence: 'Russian forces shelled Kharkiv overnight.',
  offsets: { source: [200, 214], verb: [215, 222], target: [223, 230] },
  location: {
    name: 'Kharkiv',
    country: 'UKR',
    admin1: null,
    lat: 49.99,
    lon: 36.23,
    geonames_id: 706483,
    basis: 'sentence',
  },
});

export async function startWebFixture(): Promise<WebFixture> {
  const stack = await startTestStack();
  const store = new DynamoEventStore(stack.clients.doc, stack.config.tables.events);
  await store.recordMentions(wire, [meeting], '2026-10-05', recordedAt);
  await store.recordMentions(daily, [protest, attack], '2026-10-04', recordedAt);
  const server = await startWebServer({ reader: new EventReader(stack.clients.doc, stack.config.tables.events) });
  return {
    stack,
    server,
    close: async () => {
      await server.close();
      await stack.close();
    },
  };
}
