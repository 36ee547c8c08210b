import { describe, expect, it } from 'vitest';
import { countryByIso3, loadCountries } from '../../../src/coder/geo/index.js';

describe('loadCountries', () => {
  it('lists every ISO 3166 country once, with Palestine and Kosovo', () => {
    const countries = loadCountries();

    const codes = new Set(countries.map((c) => c.iso3));
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(codes.size).toBe(countries.length);
    expect(codes).toContain('PSE');
    expect(codes).toContain('XKX');
  });

  it('returns the same cached array on later calls', () => {
    expect(loadCountries()).toBe(loadCountries());
  });

  it('gives each country coordinates on the globe and its own name first among its names', () => {
    for (const country of loadCountries()) {
      expect(Math.abs(country.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(country.lon)).toBeLessThanOrEqual(180);
      expect(country.names[0]).toBe(country.name);
    }
  });

  it('links every capital of a major country to its GeoNames place', () => {
    for (const iso3 of ['USA', 'GBR', 'FRA', 'RUS', 'CHN', 'SYR', 'ISR', 'PSE', 'KAZ']) {
      expect(countryByIso3(iso3)?.capitalGeonamesId).toEqual(expect.any(Number));
    }
  });
});

describe('demonyms and short names', () => {
  it.each([
    ['USA', 'American'],
    ['SYR', 'Syrian'],
    ['FRA', 'French'],
    ['RUS', 'Russian'],
    ['TUR', 'Turkish'],
    ['ARE', 'Emirati'],
    ['SAU', 'Saudi'],
    ['ISR', 'Israeli'],
    ['PSE', 'Palestinian'],
    ['KAZ', 'Kazakh'],
    ['KAZ', 'Kazakhstani'],
    ['GBR', 'British'],
    ['CHN', 'Chinese'],
    ['IRN', 'Iranian'],
    ['UKR', 'Ukrainian'],
  ])('lists %s among the countries called "%s"', (iso3, demonym) => {
    expect(countryByIso3(iso3)?.demonyms).toContain(demonym);
  });

  it.each([
    ['USA', ['United States', 'U.S.', 'US', 'America']],
    ['GBR', ['Britain', 'UK', 'United Kingdom']],
    ['KOR', ['South Korea', 'Republic of Korea']],
  ])('knows the common names of %s', (iso3, names) => {
    expect(countryByIso3(iso3)?.names).toEqual(expect.arrayContaining(names));
  });
});

describe('countryByIso3', () => {
  it('finds a country whatever the case of the code', () => {
    expect(countryByIso3('syr')?.name).toBe('Syria');
  });

  it('returns undefined for a code that is not a country', () => {
    expect(countryByIso3('ZZZ')).toBeUndefined();
  });
});
