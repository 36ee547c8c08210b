import { describe, expect, it } from 'vitest';
import { countryPlace, loadGazetteer } from '../../../src/coder/geo/index.js';

const gazetteer = loadGazetteer();
const noHints = { countries: [] };

describe('resolve', () => {
  it('resolves a capital to its GeoNames place with coordinates and admin1', () => {
    const damascus = gazetteer.resolve('Damascus', noHints);

    expect(damascus).toMatchObject({ name: 'Damascus', country: 'SYR', geonames_id: 170654 });
    expect(damascus?.admin1).toMatch(/^SY\./);
    expect(damascus?.lat).toBeCloseTo(33.51, 1);
    expect(damascus?.lon).toBeCloseTo(36.29, 1);
  });

  it('prefers the capital over a namesake when there are no hints', () => {
    expect(gazetteer.resolve('Paris', noHints)?.country).toBe('FRA');
    expect(gazetteer.resolve('Tripoli', noHints)?.country).toBe('LBY');
  });

  it('prefers a place in a hinted country', () => {
    expect(gazetteer.resolve('Tripoli', { countries: ['LBN'] })?.country).toBe('LBN');
    expect(gazetteer.resolve('Tripoli', { countries: ['LBY'] })?.country).toBe('LBY');
    expect(gazetteer.resolve('Birmingham', { countries: ['USA'] })?.country).toBe('USA');
    expect(gazetteer.resolve('Birmingham', { countries: [] })?.country).toBe('GBR');
  });

  it('ignores a hint that has no place of that name', () => {
    expect(gazetteer.resolve('Damascus', { countries: ['JPN'] })?.country).toBe('SYR');
  });

  it('matches names without accents and in any case', () => {
    expect(gazetteer.resolve('Sao Paulo', noHints)?.name).toBe('São Paulo');
    expect(gazetteer.resolve('SÃO PAULO', noHints)?.country).toBe('BRA');
    expect(gazetteer.resolve('zurich', noHints)?.country).toBe('CHE');
  });

  it('matches common English exonyms and transliterations', () => {
    expect(gazetteer.resolve('Kiev', noHints)?.name).toBe('Kyiv');
    expect(gazetteer.resolve('Raqqa', noHints)?.country).toBe('SYR');
    expect(gazetteer.resolve("Sana'a", noHints)?.country).toBe('YEM');
  });

  it('resolves country names to the country, also when they are names of other places', () => {
    expect(gazetteer.resolve('Syria', noHints)).toMatchObject({
      name: 'Syria',
      country: 'SYR',
      admin1: null,
      geonames_id: null,
    });
    expect(gazetteer.resolve('Georgia', noHints)?.country).toBe('GEO');
    expect(gazetteer.resolve('Jordan', noHints)?.country).toBe('JOR');
    expect(gazetteer.resolve('the Netherlands', noHints)?.country).toBe('NLD');
  });

  it('matches country abbreviations only when written in capitals', () => {
    expect(gazetteer.resolve('US', noHints)?.country).toBe('USA');
    expect(gazetteer.resolve('U.K.', noHints)?.country).toBe('GBR');
    expect(gazetteer.resolve('us', noHints)).toBeNull();
  });

  it('returns null for unknown names and for stoplisted ordinary words', () => {
    expect(gazetteer.resolve('Qwertyville', noHints)).toBeNull();
    expect(gazetteer.resolve('', noHints)).toBeNull();
    expect(gazetteer.resolve('Police', noHints)).toBeNull();
  });
});

describe('isCapitalOf', () => {
  it.each([
    ['Damascus', 'SYR'],
    ['Washington', 'USA'],
    ['Paris', 'FRA'],
    ['Astana', 'KAZ'],
    ['Nur-Sultan', 'KAZ'],
    ['Jerusalem', 'ISR'],
    ['Pristina', 'XKX'],
    ['Moscow', 'RUS'],
    ['Bogota', 'COL'],
  ])('knows %s is the capital of %s', (name, iso3) => {
    expect(gazetteer.isCapitalOf(name)).toBe(iso3);
  });

  it('returns null for a big city that is not a capital', () => {
    expect(gazetteer.isCapitalOf('Aleppo')).toBeNull();
    expect(gazetteer.isCapitalOf('Lagos')).toBeNull();
  });

  it('returns null when a bigger namesake outweighs a small capital', () => {
    expect(gazetteer.isCapitalOf('Hamilton')).toBeNull();
  });
});

describe('isPlace', () => {
  it('knows cities, countries and country short forms', () => {
    expect(gazetteer.isPlace('Aleppo')).toBe(true);
    expect(gazetteer.isPlace('Ukraine')).toBe(true);
    expect(gazetteer.isPlace('UAE')).toBe(true);
  });

  it('rejects ordinary words and unknown names', () => {
    expect(gazetteer.isPlace('Mobile')).toBe(false);
    expect(gazetteer.isPlace('Qwertyville')).toBe(false);
  });
});

describe('ambiguous', () => {
  it.each(['Hyderabad', 'Valencia', 'San Jose', 'Birmingham'])(
    'calls %s ambiguous: a namesake abroad weighs at least a tenth of the best one',
    (name) => {
      expect(gazetteer.ambiguous(name)).toBe(true);
    },
  );

  it.each(['London', 'Alexandria', 'Tripoli', 'Paris', 'Syria'])(
    'does not call %s ambiguous: one place or country dominates',
    (name) => {
      expect(gazetteer.ambiguous(name)).toBe(false);
    },
  );
});

describe('looser transliteration matches', () => {
  it('keeps a transliteration that matches places of one country only', () => {
    expect(gazetteer.resolve("Sana'a", noHints)?.country).toBe('YEM');
  });

  it('drops a transliteration that matches places in several countries unless the text names one', () => {
    expect(gazetteer.resolve('Samarra', noHints)).toBeNull();
    expect(gazetteer.resolve('Samarra', { countries: ['IRQ'] })?.country).toBe('IRQ');
  });

  it('knows English exonyms added as overrides', () => {
    expect(gazetteer.resolve('Geneva', noHints)?.country).toBe('CHE');
    expect(gazetteer.resolve('Cologne', noHints)?.country).toBe('DEU');
  });
});

describe('countryPlace', () => {
  it('gives a country as a place at country level', () => {
    expect(countryPlace('KEN')).toMatchObject({ name: 'Kenya', country: 'KEN', admin1: null, geonames_id: null });
    expect(countryPlace('XXX')).toBeNull();
  });
});
