import { describe, expect, it } from 'vitest';
import { matchDateline, resolveDateline } from '../../../src/coder/dateline.js';
import { loadGazetteer } from '../../../src/coder/geo/index.js';

const gazetteer = loadGazetteer();

describe('matchDateline', () => {
  it.each([
    ['PORT SUDAN (MPA) — Gunmen attacked a convoy.', 'PORT SUDAN', null],
    ['KYIV, Ukraine — Russia launched drones overnight.', 'KYIV', 'Ukraine'],
    ['BEIRUT, Oct 6 (Reuters) - Israel struck targets.', 'BEIRUT', null],
    ['Nairobi, Kenya (AP) — Police arrested dozens.', 'Nairobi', 'Kenya'],
  ])('reads the place of "%s"', (text, name, country) => {
    expect(matchDateline(text)).toMatchObject({ name, country });
  });

  it('marks where the story proper starts', () => {
    const text = 'WASHINGTON (MPA) — The US imposed sanctions.';

    expect(text.slice(matchDateline(text)?.end ?? 0)).toBe('The US imposed sanctions.');
  });

  it('does not take an ordinary first sentence for a dateline', () => {
    expect(matchDateline('Iran - the country said on Monday - will respond.')).toBeNull();
    expect(matchDateline('Ethiopia and Eritrea accused each other of preparing for war.')).toBeNull();
  });
});

describe('resolveDateline', () => {
  it('decides between namesakes by the country written after the place, else by the article', () => {
    const written = matchDateline('TRIPOLI, Lebanon (MPA) — Soldiers clashed with gunmen.');
    const bare = matchDateline('TRIPOLI (MPA) — Soldiers clashed with gunmen.');

    expect(written && resolveDateline(written, gazetteer, [])?.country).toBe('LBN');
    expect(bare && resolveDateline(bare, gazetteer, ['LBN'])?.country).toBe('LBN');
    expect(bare && resolveDateline(bare, gazetteer, [])?.country).toBe('LBY');
  });
});
