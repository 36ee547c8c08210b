import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { stubGazetteer } from './stub-gazetteer.js';

const coder = createEventCoder({ gazetteer: stubGazetteer });
const code = (text: string) => coder.code({ text, date: '2024-06-12' }).events;

describe('passive voice', () => {
  it('makes the agent after "by" the source and the subject the target', () => {
    const [event] = code('Two journalists were detained by security forces in Tehran.');
    expect(event).toMatchObject({ type: 'COERCE', code: '173' });
    expect(event?.source).toMatchObject({ text: 'security forces', sector: 'COP' });
    expect(event?.target?.text).toBe('journalists');
  });

  it('finds the agent behind a determiner', () => {
    const [event] = code('The embassy was attacked by a mob on Sunday.');
    expect(event?.source.text).toBe('mob');
    expect(event?.target?.text).toBe('embassy');
  });

  it("matches a pattern whose object is the passive's subject", () => {
    expect(code('UN sanctions against Iran were lifted in January.')[0]).toMatchObject({ code: '085' });
  });
});

describe('reported speech', () => {
  it('codes the reported act with its own actors, not the speaker', () => {
    const [event] = code('Ukraine said Russian forces shelled the city overnight.');
    expect(event).toMatchObject({ type: 'ASSAULT', quad_class: 4 });
    expect(event?.source).toMatchObject({ code: 'RUS', sector: 'MIL' });
  });

  it("codes the speaker's statement only as a statement when nothing else is reported", () => {
    const [event] = code("Iraq's foreign minister said on Monday that the economy would grow this year.");
    expect(event).toMatchObject({ code: '010', quad_class: 0, source: { code: 'IRQ' } });
  });

  it('codes nothing for a statement that an act did not happen', () => {
    expect(code('Pakistan has not expelled any diplomats, a spokesman said.')).toEqual([]);
  });

  it("codes a claim of one's own act as a claim of responsibility", () => {
    expect(code('The Taliban claimed that they had attacked the base.')[0]).toMatchObject({ code: '015' });
    expect(code('The Taliban claimed that government troops had attacked the village.')[0]?.type).toBe('ASSAULT');
  });
});

describe('coordination', () => {
  it('puts coordinated countries on both sides of a joint act', () => {
    const [event] = code('Russia and Turkey agreed to set up a joint monitoring centre.');
    expect(event).toMatchObject({ type: 'AGREE', reciprocal: true });
    expect([event?.source.code, event?.target?.code]).toEqual(['RUS', 'TUR']);
  });

  it('gives each of two critics its own event against the same act', () => {
    const events = code('Egypt and Jordan condemned the raid.');
    expect(events.map((e) => e.source.code)).toEqual(['EGY', 'JOR']);
    expect(events.every((e) => e.code === '111' && !e.reciprocal)).toBe(true);
  });
});

describe('statements and appeals in CAMEO terms', () => {
  it('codes comments, denials and condolences as 01x with QuadClass 0', () => {
    const cases: Array<[string, string]> = [
      ['The Kremlin declined to comment on the report.', '011'],
      ['The ministry said it was skeptical of the figures.', '012'],
      ['The government is considering sending aid to the region.', '014'],
      ['The minister denied charges that he had taken bribes.', '016'],
      ['Brazil expressed condolences to Morocco after the earthquake.', '018'],
    ];
    for (const [text, expected] of cases) expect(code(text)[0], text).toMatchObject({ code: expected, quad_class: 0 });
  });

  it('codes a call for reform as an appeal (02x) and a demand as 10x', () => {
    expect(code('The opposition called for political reform.')[0]).toMatchObject({ code: '024', quad_class: 0 });
    expect(code('The opposition demanded political reform.')[0]).toMatchObject({ code: '104', quad_class: 3 });
  });
});
