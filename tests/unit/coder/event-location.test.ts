import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { LocationSchema } from '../../../src/core/event-schema.js';

// The bundled gazetteer: namesakes across countries are what these tests are about.
const coder = createEventCoder();
const code = (text: string, date = '2026-10-13') => coder.code({ text, date }).events;
const inSentence = (text: string, index: number) => code(text).filter((e) => e.sentence_index === index);

describe('location basis', () => {
  it('takes the place named in the event sentence first', () => {
    const [event] = code('French President Emmanuel Macron met Kenyan President William Ruto in Nairobi on Thursday.');

    expect(event?.location).toMatchObject({ name: 'Nairobi', country: 'KEN', basis: 'sentence' });
    expect(LocationSchema.safeParse(event?.location).success).toBe(true);
  });

  it('falls back on the dateline when it lies in a country of the event', () => {
    const [, arrest] = code(
      'WARSAW (MPA) — Poland will send more soldiers to its border with Belarus.\n\nPolish police arrested two men on Tuesday.',
    );

    expect(arrest?.location).toMatchObject({ name: 'Warsaw', country: 'POL', basis: 'dateline' });
  });

  it('falls back on the place the article names most when the sentence names none', () => {
    const text =
      'Indian police used batons to disperse students protesting in Hyderabad, officials said. The chief minister met student leaders on Thursday.';
    const [meeting] = inSentence(text, 1);

    expect(meeting?.location).toMatchObject({ name: 'Hyderabad', country: 'IND', basis: 'article' });
  });

  it('falls back on the actor country, at country level, when nothing else fits', () => {
    const [event] = code('Iran threatened to limit cooperation with the agency.');

    expect(event?.location).toMatchObject({ country: 'IRN', geonames_id: null, basis: 'actor_country' });
  });

  it('does not take the dateline of a story filed abroad for an event of other countries', () => {
    const text =
      'GENEVA (MPA) — Iran and the European Union resumed talks in Geneva.\n\nIsrael rejected any deal with Iran.';
    const [rejection] = inSentence(text, 1);

    expect(rejection?.location).toMatchObject({ country: 'ISR', basis: 'actor_country' });
  });
});

describe('places of the same name', () => {
  it('resolves a namesake by the countries of the article', () => {
    const lebanon = code('Lebanese soldiers clashed with gunmen in Tripoli on Tuesday.')[0];
    const libya = code("Forces loyal to Libya's government repelled an attack on the outskirts of Tripoli.")[0];

    expect(lebanon?.location).toMatchObject({ name: 'Tripoli', country: 'LBN' });
    expect(libya?.location).toMatchObject({ name: 'Tripoli', country: 'LBY' });
  });

  it('uses a country named later in the article to decide', () => {
    const text =
      'Police detained 40 opposition supporters in Hyderabad on Friday. The provincial government of Pakistan said the protest was banned.';
    const [arrest] = inSentence(text, 0);

    expect(arrest?.location?.country).toBe('PAK');
  });

  it('leaves an ambiguous name unresolved rather than guess', () => {
    const [march] = code('Thousands of nurses marched through Valencia on Saturday to demand better pay.');

    expect(march?.location ?? null).toBeNull();
  });
});

describe('what is not the place of an event', () => {
  it('does not take a capital used as an actor for the place', () => {
    const [event] = code('Washington imposed new sanctions on three Syrian banks.');

    expect(event?.location?.basis).toBe('actor_country');
    expect(event?.location?.country).toBe('USA');
  });

  it('does not take the topic of talks for the place of the talks', () => {
    const text = 'ADDIS ABABA (MPA) — Ethiopian and Kenyan officials discussed the war in Sudan on Saturday.';
    const [talks] = code(text);

    expect(talks?.location).toMatchObject({ name: 'Addis Ababa', basis: 'dateline' });
  });

  it("does not take the place of another verb's participle clause", () => {
    const [event] = code('Rwanda rejected accusations that it had broken a peace deal signed in Washington.');

    expect(event?.location?.country).not.toBe('USA');
  });

  it('does not take a point of departure for the place', () => {
    const [event] = code('Polish soldiers fired at drones from Belarus near Lublin.');

    expect(event?.location?.country).toBe('POL');
  });
});
