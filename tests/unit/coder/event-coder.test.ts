import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoderInputError, createEventCoder } from '../../../src/coder/index.js';
import { CodedArticleSchema } from '../../../src/core/event-schema.js';
import { stubGazetteer } from './stub-gazetteer.js';

const coder = createEventCoder({ gazetteer: stubGazetteer });
const code = (text: string, date: string | null = '2024-03-13') => coder.code({ text, date }).events;

describe('event dates', () => {
  it('resolves a weekday in a past-tense sentence to the day before publication', () => {
    const [event] = code('Police arrested twelve protesters in Nairobi on Sunday.');
    expect(event?.type).toBe('COERCE');
    expect(event?.date).toBe('2024-03-10');
  });

  it('resolves a weekday in a future-tense sentence to the next such day', () => {
    const [event] = code("Iran's foreign minister will meet his Iraqi counterpart on Friday.");
    expect(event?.mode).toBe('future');
    expect(event?.date).toBe('2024-03-15');
  });

  it('uses the publication date when the sentence names no day, and null without one', () => {
    expect(code('Rebels attacked an army base.')[0]?.date).toBe('2024-03-13');
    expect(code('Rebels attacked an army base.', null)[0]?.date).toBeNull();
  });
});

describe('negation and modality', () => {
  it('does not code a negated attack as an attack', () => {
    expect(code('Israeli troops did not attack the village.').filter((e) => e.type === 'ASSAULT')).toHaveLength(0);
  });

  it('codes a refusal to accept as a rejection', () => {
    const [event] = code('Hungary will not accept the refugees.');
    expect(event?.type).toBe('REJECT');
    expect(event?.source.code).toBe('HUN');
  });

  it('codes a threat to use force as THREATEN rather than as the attack', () => {
    const [event] = code('North Korea threatened to attack South Korea.');
    expect(event?.type).toBe('THREATEN');
    expect(event?.target?.code).toBe('KOR');
  });
});

describe('actors', () => {
  it('reads a capital that acts as its government', () => {
    const [event] = code('Moscow condemned the new sanctions.');
    expect(event?.source).toMatchObject({ text: 'Moscow', code: 'RUS', sector: 'GOV' });
  });

  it('treats a capital after "in" as the place of the event, not an actor', () => {
    const [event] = code('Thousands of demonstrators protested in Moscow against the war.');
    expect(event?.type).toBe('PROTEST');
    expect(event?.source.code).not.toBe(null);
    expect(event?.location?.name).toBe('Moscow');
  });

  it('resolves a pronoun to the person named in the previous sentence', () => {
    const events = code(
      'Kenyan President William Ruto arrived in Addis Ababa. He praised Ethiopia for its hospitality.',
    );
    const praise = events.find((e) => e.type === 'SUPPORT');
    expect(praise?.source).toMatchObject({ text: 'He', name: 'William Ruto', code: 'KEN' });
    expect(praise?.target?.code).toBe('ETH');
  });

  it('puts both parties of a reciprocal agreement on the two sides and marks it reciprocal', () => {
    const [event] = code('Japan and South Korea signed a trade agreement.');
    expect(event).toMatchObject({ type: 'SUPPORT', code: '057', reciprocal: true });
    expect([event?.source.code, event?.target?.code]).toEqual(['JPN', 'KOR']);
  });

  it('makes the subject of a demanded act the target of the demand', () => {
    const [event] = code('Egypt demanded that Israel withdraw its troops from the border.');
    expect(event).toMatchObject({ type: 'REQUEST', code: '106' });
    expect([event?.source.code, event?.target?.code]).toEqual(['EGY', 'ISR']);
  });

  it('treats a coordinated pair exchanging prisoners as a reciprocal event', () => {
    const [event] = code('Moscow and Kyiv exchanged 95 prisoners of war in a deal brokered by Qatar.');
    expect(event).toMatchObject({ type: 'RETREAT', code: '084', reciprocal: true });
    expect([event?.source.code, event?.target?.code]).toEqual(['RUS', 'UKR']);
  });

  it('recognises actors from a user dictionary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coder-dict-'));
    const file = join(dir, 'actors.json');
    writeFileSync(
      file,
      JSON.stringify({
        actors: [
          { id: 'reb:blue-river', kind: 'ORGANIZATION', code: 'NGA', sector: 'REB', names: ['Blue River Front'] },
        ],
      }),
    );
    const custom = createEventCoder({ gazetteer: stubGazetteer, actorDictionaries: [file] });
    const [event] = custom.code({ text: 'The Blue River Front attacked a police post.', date: null }).events;
    expect(event?.source).toMatchObject({ entity_id: 'reb:blue-river', code: 'NGA', sector: 'REB' });
  });
});

describe('article output', () => {
  it('lists entities and attributes quotations to their speaker', () => {
    const article = coder.code({
      text: '"We will not give up," Ukrainian President Volodymyr Zelensky said in Kyiv.',
      date: '2024-03-13',
    });
    expect(article.quotations[0]).toMatchObject({ speaker: 'Volodymyr Zelensky', quote: 'We will not give up,' });
    expect(article.entities).toContainEqual(
      expect.objectContaining({ kind: 'PERSON', text: 'Volodymyr Zelensky', code: 'UKR' }),
    );
    expect(CodedArticleSchema.safeParse(article).success).toBe(true);
  });

  it('gives each event character offsets that point at its verb and actors', () => {
    const text = 'Police arrested twelve protesters in Nairobi on Sunday.';
    const [event] = code(text);
    const verb = event?.offsets.verb ?? [0, 0];
    expect(text.slice(verb[0], verb[1])).toBe('arrested');
    expect(event?.offsets.source).toEqual([0, 6]);
  });

  it('rejects a publication date that is not YYYY-MM-DD', () => {
    expect(() => coder.code({ text: 'Rebels attacked.', date: '13/03/2024' })).toThrow(CoderInputError);
  });
});
