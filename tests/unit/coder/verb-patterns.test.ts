import { describe, expect, it } from 'vitest';
import verbsJson from '../../../data/coder/verbs.json' with { type: 'json' };
import { createEventCoder } from '../../../src/coder/index.js';
import { stubGazetteer } from './stub-gazetteer.js';

const coder = createEventCoder({ gazetteer: stubGazetteer });
const first = (text: string) => coder.code({ text, date: null }).events[0];

describe('verb patterns', () => {
  it('matches phrasal verbs with their particles', () => {
    expect(first('Ethiopian troops pulled out of the disputed town.')).toMatchObject({ type: 'RETREAT', code: '0874' });
    expect(first('The police cracked down on student protesters.')).toMatchObject({ type: 'COERCE', code: '172' });
    expect(first('The opposition called for early elections.')).toMatchObject({ type: 'REQUEST', code: '024' });
    expect(first('The opposition demanded early elections.')).toMatchObject({ type: 'REQUEST', code: '104' });
  });

  it('lets modifiers sit between a verb and its noun', () => {
    expect(first('Washington imposed tough new economic sanctions on Iran.')).toMatchObject({
      type: 'SANCTION',
      code: '163',
    });
  });

  it('takes a participle after a determiner as a modifier, not an act', () => {
    expect(first('Doctors treated the injured at a hospital in Gaza.')).toBeUndefined();
    expect(first('Talks on the disputed border resumed in Geneva.')?.type).not.toBe('ACCUSE');
    expect(first('Israeli troops raided a village in the occupied West Bank.')).toMatchObject({
      type: 'ASSAULT',
      code: '180',
    });
  });

  it('counts a name or a number between verb and noun as one word', () => {
    expect(first('The European Union gave the Ivory Coast 5.1 million dollars for farming.')).toMatchObject({
      type: 'AID',
      code: '071',
      target: { code: 'CIV' },
    });
    expect(first('The ministry gave the farmers of the northern provinces some dollars.')).toBeUndefined();
  });

  it("codes a statement when it is the main clause's act, not the act it reacts to", () => {
    expect(first('The foreign minister expressed concern over the fighting.')).toMatchObject({
      code: '012',
      quad_class: 0,
    });
    expect(first('The minister expressed concern after troops shelled the city.')).toMatchObject({ code: '012' });
    expect(first('After troops shelled the city, the minister met the mayor.')?.type).toBe('CONSULT');
  });

  it('codes an appeal as CAMEO 02 with PLOVER type REQUEST', () => {
    expect(first('The UN urged donors to send food to Sudan.')).toMatchObject({ type: 'REQUEST', code: '023' });
  });

  it('knows the common wordings of calls, ties, restrictions and refusals', () => {
    expect(first('Russia and Ukraine spoke by phone on Thursday.')).toMatchObject({
      type: 'CONSULT',
      code: '041',
      reciprocal: true,
      target: { code: 'UKR' },
    });
    expect(first('The Bahamas suspended its relationship with the United States.')).toMatchObject({
      type: 'SANCTION',
      code: '160',
    });
    expect(first('Iran lifted a closure on schools and shops.')).toMatchObject({ type: 'CONCEDE', code: '081' });
    expect(first('The minister ruled out talks with the rebels.')).toMatchObject({ type: 'REJECT' });
  });
});

describe('the verb dictionary', () => {
  it('lists every phrase under one code only, so no match depends on file order', () => {
    for (const kind of ['verbs', 'nouns', 'adjectives'] as const) {
      const seen = new Map<string, string>();
      for (const [code, phrases] of Object.entries(verbsJson[kind]))
        for (const phrase of phrases as string[]) {
          expect(seen.get(phrase), `${kind} "${phrase}" under ${code}`).toBeUndefined();
          seen.set(phrase, code);
        }
    }
  });
});
