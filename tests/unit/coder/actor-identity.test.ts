import { describe, expect, it } from 'vitest';
import { sameActor } from '../../../src/coder/actor-identity.js';
import { createEventCoder } from '../../../src/coder/index.js';
import { stubGazetteer } from './stub-gazetteer.js';

const coder = createEventCoder({ gazetteer: stubGazetteer });
const code = (text: string, date: string | null = '2024-03-13') => coder.code({ text, date }).events;
const actorsOf = (text: string, date: string | null) =>
  coder.code({ text, date }).events.flatMap((e) => [e.source, e.target]);

describe('actors at the event date', () => {
  it('codes the same name with the role it held on the day of the article', () => {
    const text = 'Vladimir Putin criticised the European Union.';

    const before = code(text, '1998-06-01')[0]?.source;
    const during = code(text, '2005-06-01')[0]?.source;

    expect(before).toMatchObject({ name: 'Vladimir Putin', code: 'RUS', sector: 'ELI' });
    expect(during).toMatchObject({ name: 'Vladimir Putin', code: 'RUS', sector: 'GOV' });
  });

  it('codes a leader out of office after the converted dictionary ends from our own dated terms', () => {
    const text = 'Barack Obama criticised the European Union.';

    expect(code(text, '2012-06-01')[0]?.source).toMatchObject({ code: 'USA', sector: 'GOV' });
    expect(code(text, '2019-06-01')[0]?.source).toMatchObject({ code: 'USA', sector: 'ELI' });
  });

  it('knows historical office holders that only the converted Phoenix dictionary lists', () => {
    const [event] = code('Eduard Shevardnadze accused Russia of supporting the rebels.', '1995-03-01');

    expect(event?.source).toMatchObject({ code: 'GEO', sector: 'GOV', entity_id: 'person:eduard-shevardnadze' });
  });

  it('reads a country misspelt as the converted dictionary lists it', () => {
    const [event] = code('Ethopia has agreed to reopen its borders to peacekeepers.');

    expect(event?.source.code).toBe('ETH');
  });

  it('keeps the entity id of our own dictionary when the converted one names the same person', () => {
    const [event] = code('Vladimir Putin criticised the European Union.', '1999-09-01');

    expect(event?.source.entity_id).toBe('person:vladimir-putin');
  });
});

describe('appositions and titles', () => {
  it('takes the subject before an apposition, not an actor inside it', () => {
    const [event] = code('Pakistan, a key U.S. ally in the region, has refused to deploy peacekeepers.');

    expect(event?.type).toBe('REJECT');
    expect(event?.source.code).toBe('PAK');
  });

  it('gives an unknown name the country of the title phrase that follows it', () => {
    const [event] = code('Tomas Varga, the Hungarian foreign minister, criticised the European Commission.');

    expect(event?.source.code).toBe('HUN');
    expect(event?.source.text).toContain('Tomas Varga');
  });

  it('joins a title phrase and the name after it into one actor', () => {
    const [event] = code("Qatar's emir, Sheikh Tamim bin Hamad, met Egyptian officials.");

    expect(event?.source.code).toBe('QAT');
  });

  it('keeps a parenthetical alias with the actor it names', () => {
    const [event] = code('The Nigerian Air Force (NAF) said it had bombed a rebel camp.');

    expect(event?.source.text).toBe('Nigerian Air Force (NAF)');
    expect(event?.source.code).toBe('NGA');
  });

  it('names a pronoun resolved within its sentence by its antecedent', () => {
    const [event] = code('The German government said it would send aid to Haiti.');

    expect(event?.source).toMatchObject({ text: 'German government', code: 'DEU' });
  });
});

describe('places and metonyms', () => {
  it('reads a capital that says or does something as its government', () => {
    const [event] = code('Damascus rejected the proposal.');

    expect(event?.source).toMatchObject({ code: 'SYR', sector: 'GOV' });
    expect(event?.location?.basis).not.toBe('sentence');
  });

  it('reads a capital after a locative preposition as a place, not an actor', () => {
    const [event] = code('Kenyan police arrested twelve protesters in Nairobi.');

    expect(event?.location).toMatchObject({ name: 'Nairobi', basis: 'sentence' });
    expect([event?.source.text, event?.target?.text]).not.toContain('Nairobi');
  });

  it('reads a hyphenated demonym as a modifier of the place it qualifies', () => {
    const [event] = code('Palestinians of the Israeli-occupied West Bank protested against the new settlement.');

    expect(event?.source.code).toBe('PSE');
  });
});

describe('no invented country', () => {
  it('gives a group of several parties no country', () => {
    const events = code(
      'Polish Prime Minister Donald Tusk met German Chancellor Friedrich Merz. The two leaders agreed to cooperate.',
    );
    const agreement = events.find((e) => e.sentence_index === 1);

    expect(agreement?.source.code).toBeNull();
  });

  it('does not carry a country from an earlier sentence into a story about several countries', () => {
    const actors = actorsOf(
      'Russia criticised the new sanctions. Officials in Brussels and Washington welcomed them. Leaders will meet next week.',
      '2024-03-13',
    );
    const leaders = actors.find((a) => a?.text === 'Leaders');

    expect(leaders).toBeDefined();
    expect(leaders?.code).toBeNull();
    expect(actors.map((a) => a?.text)).not.toContain('Washington');
  });

  it('gives a bare group the country the article is about', () => {
    const events = code('Kenyan police arrested dozens of protesters in Nairobi. Police said they had seized weapons.');
    const second = events.find((e) => e.sentence_index === 1);

    expect(second?.source.code).toBe('KEN');
  });

  it('codes no event of an actor on itself: a state acting in its own capital has no target', () => {
    const [domestic] = code('The Russian government deployed riot police in Moscow.');
    const [abroad] = code('Turkish troops deployed tanks in Syria.');

    expect(domestic).toMatchObject({ type: 'MOBILIZE', target: null });
    expect(domestic?.location?.name).toBe('Moscow');
    expect(abroad?.target?.code).toBe('SYR');
  });

  it('tells one actor from another by entity, country and sector', () => {
    const actor = (code: string | null, sector: string | null, entity_id: string | null) => ({
      text: '',
      name: null,
      code,
      sector,
      entity_id,
      span: null,
    });

    expect(sameActor(actor('RUS', 'GOV', 'person:vladimir-putin'), actor('RUS', null, 'country:RUS'))).toBe(true);
    expect(sameActor(actor('ESP', 'GOV', null), actor('ESP', null, null))).toBe(true);
    expect(sameActor(actor('RUS', 'GOV', 'person:vladimir-putin'), actor('RUS', 'GOV', 'person:sergei-lavrov'))).toBe(
      false,
    );
    expect(sameActor(actor('SYR', 'MIL', null), actor('SYR', 'REB', null))).toBe(false);
    expect(sameActor(actor('IGO', 'IGO', null), actor('IGO', 'IGO', null))).toBe(false);
  });
});
