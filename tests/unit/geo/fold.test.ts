import { describe, expect, it } from 'vitest';
import { isAbbreviation, looseKey, placeKey } from '../../../src/coder/geo/fold.js';

describe('placeKey', () => {
  it('folds accents, special letters, case and spacing', () => {
    expect(placeKey('  São   Paulo ')).toBe('sao paulo');
    expect(placeKey('Łódź')).toBe('lodz');
    expect(placeKey('Düsseldorf')).toBe(placeKey('Dusseldorf'));
  });

  it('turns typographic apostrophes and dashes into ASCII ones', () => {
    expect(placeKey('Nuku’alofa')).toBe("nuku'alofa");
    expect(placeKey('Guinea–Bissau')).toBe('guinea-bissau');
  });
});

describe('looseKey', () => {
  it('makes common transliterations of Arabic names meet', () => {
    expect(looseKey('Ar Raqqah')).toBe(looseKey('Raqqa'));
    expect(looseKey('al-Raqqa')).toBe(looseKey('Raqqa'));
    expect(looseKey('Ta‘izz')).toBe(looseKey('Taiz'));
  });
});

describe('isAbbreviation', () => {
  it('recognises upper-case initialisms with or without dots', () => {
    expect(isAbbreviation('US')).toBe(true);
    expect(isAbbreviation('U.S.')).toBe(true);
    expect(isAbbreviation('Us')).toBe(false);
    expect(isAbbreviation('Syria')).toBe(false);
  });
});
