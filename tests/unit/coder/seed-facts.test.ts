import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { CodedArticleSchema } from '../../../src/core/event-schema.js';
import { stubGazetteer } from './stub-gazetteer.js';

// Written for this test: the facts of the project's seed story, in our own words.
const ARTICLE = [
  "Syria's government is prepared to negotiate with armed opposition factions, officials in Damascus said on Sunday.",
  'The upcoming peace talks between the Syrian government and the opposition will be held in Astana on January 23.',
  'President Bashar al-Assad met a group of French lawmakers in Damascus last week.',
  'At the end of December the UN Security Council adopted a ceasefire resolution drafted by Russia and Turkey.',
].join(' ');

const coder = createEventCoder({ gazetteer: stubGazetteer });
const { events } = coder.code({ text: ARTICLE, date: '2017-01-09' });

describe('coding the Syria seed facts', () => {
  it('codes the Syrian government readiness to negotiate as an intent to meet by SYR GOV', () => {
    const intent = events.find((e) => e.code.startsWith('03') && e.source.code === 'SYR' && e.source.sector === 'GOV');
    expect(intent?.type).toBe('AGREE');
  });

  it('codes the planned Astana talks as a future consultation in Kazakhstan on 23 January', () => {
    const talks = events.find((e) => e.type === 'CONSULT' && e.mode === 'future');
    expect(talks?.location?.name).toBe('Astana');
    expect(talks?.location?.country).toBe('KAZ');
    expect(talks?.date).toBe('2017-01-23');
  });

  it('codes Assad meeting French lawmakers as a reciprocal consultation between SYR and FRA', () => {
    const meeting = events.find((e) => e.type === 'CONSULT' && e.source.code === 'SYR' && e.target?.code === 'FRA');
    expect(meeting?.source.name).toBe('Bashar al-Assad');
    expect(meeting?.reciprocal).toBe(true);
  });

  it('codes the Security Council resolution as IGO support for Russia and Turkey', () => {
    const targets = events.filter((e) => e.source.code === 'IGO').map((e) => e.target?.code);
    expect(targets).toEqual(expect.arrayContaining(['RUS', 'TUR']));
  });

  it('produces output that validates against the shared coded-article schema', () => {
    const article = coder.code({ text: ARTICLE, date: '2017-01-09' });
    expect(CodedArticleSchema.safeParse(article).success).toBe(true);
  });
});
