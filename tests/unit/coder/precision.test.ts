import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { stubGazetteer } from './stub-gazetteer.js';

const coder = createEventCoder({ gazetteer: stubGazetteer });
const code = (text: string, date: string | null = '2024-06-12') => coder.code({ text, date }).events;

describe('acts reported as not having happened', () => {
  it('codes nothing for a negated past act, and nothing for the nouns beside it', () => {
    expect(code('Israeli troops did not attack the village.')).toEqual([]);
    expect(code('The two presidents did not meet during the summit in Brussels.')).toEqual([]);
    expect(code('Police did not arrest anyone after the demonstration in Nairobi.')).toEqual([]);
  });

  it('codes nothing when the subject denies that anyone acted', () => {
    expect(code('No arrests were made after the march through the capital.')).toEqual([]);
    expect(code('Neither side launched new attacks overnight.')).toEqual([]);
  });

  it('still codes a refusal announced for the future', () => {
    expect(code('Hungary will not accept the refugees.')[0]).toMatchObject({ type: 'REJECT', quad_class: 3 });
  });

  it('codes the affirmative act it mirrors', () => {
    expect(code('Israeli troops attacked the village.')[0]).toMatchObject({ type: 'ASSAULT', quad_class: 4 });
  });
});

describe('conflict words that are not political acts', () => {
  it('codes nothing for a match report, even between countries', () => {
    expect(code('Brazil beat Argentina 2-1 in a tense World Cup qualifier on Tuesday night.')).toEqual([]);
    expect(code('The visitors attacked down the left wing but could not find an equaliser.')).toEqual([]);
  });

  it('codes fans clashing with police after a match', () => {
    expect(code('Fans clashed with police outside the stadium after the match.').length).toBeGreaterThan(0);
  });

  it('codes nothing for market and company language', () => {
    expect(code('Shares in the carmaker fell 8 percent after it cut its profit forecast.')).toEqual([]);
    expect(code('The company plans to attack the budget smartphone market next spring.')).toEqual([]);
    expect(code('The company fired its chief financial officer over accounting irregularities.')).toEqual([]);
  });

  it('codes a sanction that hits companies', () => {
    expect(code('Washington imposed sanctions on three Chinese technology companies.')[0]).toMatchObject({
      type: 'SANCTION',
      source: { code: 'USA' },
    });
  });

  it('codes nothing for harm done by storms, floods and crashes', () => {
    expect(code('Floods killed at least 12 people and destroyed hundreds of homes.')).toEqual([]);
    expect(code('A driver was killed when his car hit a tree on the motorway.')).toEqual([]);
  });

  it('lets the hazard right before a harm verb do the harm, whoever else the sentence names', () => {
    const events = code('Kenyan authorities rushed food to four areas hit by a drought that has killed 30 people.');
    expect(events.filter((e) => e.type === 'ASSAULT')).toEqual([]);
  });

  it('codes a car bomb as an attack', () => {
    expect(code('A car bomb killed six policemen outside a police station.')[0]?.type).toBe('ASSAULT');
  });

  it('codes nothing when no one who acts is named', () => {
    expect(code('Two men attacked a taxi driver after refusing to pay the fare.')).toEqual([]);
    expect(code('The virus attacks the cells lining the lungs, researchers found.')).toEqual([]);
  });
});

describe('past events restated as background', () => {
  it('codes nothing for an act dated to an earlier year than the article', () => {
    expect(code('The peninsula, which Russia annexed in 2014, is home to a large naval base.')).toEqual([]);
    expect(code('The monument honours soldiers killed in the 1973 war.')).toEqual([]);
  });

  it('codes the same act when it is dated this year or undated', () => {
    expect(code('Russia annexed the peninsula in 2024.')[0]?.type).toBe('COERCE');
    expect(code('The peninsula, which Russia annexed in 2014, hosts a base.', null)[0]?.type).toBe('COERCE');
  });
});

describe('event words that name things, not acts', () => {
  it('codes nothing inside a phrase that is no event', () => {
    expect(code('The details were in a press release published by the embassy on Thursday.')).toEqual([]);
  });

  it('codes nothing for an event noun modifying another noun', () => {
    expect(code('The ceasefire line runs for about 400 kilometres through farmland.')).toEqual([]);
    expect(code('The protest site is now a public garden.')).toEqual([]);
  });
});

describe('hypotheticals', () => {
  it('marks acts under if, whether and in questions as hypothetical', () => {
    const modes = (text: string) => code(text).map((e) => e.mode);
    for (const mode of modes('If talks fail, the union could call a national strike.'))
      expect(mode).toBe('hypothetical');
    for (const mode of modes('It is unclear whether the two leaders will meet at the summit.'))
      expect(mode).toBe('hypothetical');
    for (const mode of modes('Will the sanctions against Iran work?')) expect(mode).toBe('hypothetical');
  });
});

describe('self-targeted events', () => {
  it('never gives an event its own source as target', () => {
    const texts = [
      'The UAE repealed the Israel Boycott Law and removed trade restrictions with Israel.',
      'Prime Minister Justin Trudeau expressed optimism that the federal government would act.',
    ];
    for (const text of texts)
      for (const e of code(text)) {
        if (!e.target) continue;
        expect([e.source.code, e.source.sector]).not.toEqual([e.target.code, e.target.sector]);
      }
  });
});
