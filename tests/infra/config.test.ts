import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { INFRA_CONFIG_KEYS, InfraConfigSchema, readInfraConfig } from '../../infra/config.js';
import { FeedListError, InfraConfigError } from '../../infra/errors.js';
import { loadFeedList } from '../../infra/feed-list.js';
import { fromRepoRoot } from '../../infra/paths.js';
import { DETAIL_TYPES } from '../../src/changes/change-events.js';
import { EVENT_SOURCE } from '../../src/changes/publish.js';
import { parseFeedList } from '../../src/config/feed-list.js';

const configFrom = (context: Record<string, unknown>) => readInfraConfig(new App({ context }).node);

function feedFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eventwire-feeds-')), 'feeds.json');
  writeFileSync(path, content);
  return path;
}

describe('deployment context', () => {
  it('uses the documented defaults when no context value is set', () => {
    const config = configFrom({});

    expect(config).toMatchObject({
      scheduleMinutes: 5,
      maxReceiveCount: 5,
      logRetentionDays: 30,
      rawToIaDays: 30,
      rawToGlacierDays: 180,
      queueAgeAlarmSeconds: 3600,
      codeEventsMemoryMb: 1024,
      feedsFile: 'config/feeds.example.json',
      eventBusName: 'eventwire-events',
      readOnlyPolicyName: 'EventwireEventsReadOnly',
      alarmEmail: '',
      destroyOnRemoval: false,
    });
  });

  it('accepts the string values the CDK CLI passes for -c key=value', () => {
    const config = configFrom({ scheduleMinutes: '10', destroyOnRemoval: 'true', alarmEmail: 'ops@example.org' });

    expect(config.scheduleMinutes).toBe(10);
    expect(config.destroyOnRemoval).toBe(true);
    expect(config.alarmEmail).toBe('ops@example.org');
  });

  it.each([
    [{ scheduleMinutes: 'often' }, 'scheduleMinutes'],
    [{ maxReceiveCount: 0 }, 'maxReceiveCount'],
    [{ logRetentionDays: 45 }, 'logRetentionDays'],
    [{ rawToIaDays: 10 }, 'rawToIaDays'],
    [{ rawToIaDays: 90, rawToGlacierDays: 100 }, 'rawToGlacierDays'],
    [{ alarmEmail: 'not-an-address' }, 'alarmEmail'],
    [{ destroyOnRemoval: 'yes' }, 'destroyOnRemoval'],
    [{ feedConcurrency: 1 }, 'feedConcurrency'],
  ])('stops synthesis naming the key when a context value is invalid (%o)', (context, key) => {
    expect(() => configFrom(context)).toThrow(InfraConfigError);
    expect(() => configFrom(context)).toThrow(key);
  });

  it('documents every context value with its default in the deploy section of the README', () => {
    const docs = readFileSync(fromRepoRoot('README.md'), 'utf8');
    const defaults = InfraConfigSchema.parse({});

    for (const key of INFRA_CONFIG_KEYS) {
      const value = defaults[key];
      const cell = value === '' ? '*(empty)*' : `\`${String(value)}\``;
      expect(docs, key).toContain(`| \`${key}\` | ${cell} |`);
    }
  });

  it('shows downstream subscribers the source and detail types publish-changes emits', () => {
    const docs = readFileSync(fromRepoRoot('README.md'), 'utf8');

    expect(docs).toContain(`"source": ["${EVENT_SOURCE}"]`);
    for (const detailType of Object.values(DETAIL_TYPES)) expect(docs).toContain(detailType);
  });

  it('keeps notices, version reporting and CLI telemetry off in cdk.json', () => {
    const cdkJson = JSON.parse(readFileSync(fromRepoRoot('cdk.json'), 'utf8')) as Record<string, unknown> & {
      context: Record<string, unknown>;
    };

    expect(cdkJson.app).toBe('npx tsx infra/app.ts');
    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.versionReporting).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
  });
});

describe('feed list file', () => {
  it('loads the example feed list as compact JSON that schedule-feeds accepts', () => {
    const loaded = loadFeedList('config/feeds.example.json');

    expect(loaded.feeds.length).toBeGreaterThan(0);
    expect(parseFeedList(loaded.json, 'parameter')).toEqual(loaded.feeds);
    expect(loaded.json).not.toContain('\n');
  });

  it('accepts entries with only a url', () => {
    const loaded = loadFeedList(feedFile('[{"url":"https://news.example/rss"}]'));

    expect(loaded.feeds).toEqual([{ url: 'https://news.example/rss' }]);
  });

  it.each([
    ['not JSON', '[{"url":'],
    ['an empty list', '[]'],
    ['a non-http url', '[{"url":"ftp://news.example/rss"}]'],
    ['a duplicate url', '[{"url":"https://a.example/rss"},{"url":"https://a.example/rss"}]'],
    ['an unknown field', '[{"url":"https://a.example/rss","every":5}]'],
    ['a zero poll interval', '[{"url":"https://a.example/rss","poll_minutes":0}]'],
    ['a poll interval over a day', '[{"url":"https://a.example/rss","poll_minutes":1441}]'],
  ])('rejects a feed list with %s', (_case, content) => {
    expect(() => loadFeedList(feedFile(content))).toThrow(FeedListError);
  });

  it('rejects a feed list too large for an SSM parameter', () => {
    const feeds = Array.from({ length: 200 }, (_, i) => ({
      url: `https://news${i}.example/world/rss.xml`,
      name: `Outlet ${i}`,
    }));

    expect(() => loadFeedList(feedFile(JSON.stringify(feeds)))).toThrow(/8192/);
  });

  it('names the missing file', () => {
    expect(() => loadFeedList('config/no-such-feeds.json')).toThrow(/no-such-feeds\.json/);
  });
});
