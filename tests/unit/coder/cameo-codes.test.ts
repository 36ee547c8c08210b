import { describe, expect, it } from 'vitest';
import cameoJson from '../../../data/coder/cameo.json' with { type: 'json' };
import { ploverTypesOfRoot } from '../../../src/coder/cameo.js';
import { composeCode, futureCode, negatedCode } from '../../../src/coder/compose.js';
import { CAMEO_ROOTS, codeInfo, ploverQuadClass } from '../../../src/coder/index.js';

describe('CAMEO code table', () => {
  it('lists the twenty roots with their Goldstein value and closest PLOVER type', () => {
    expect(Object.keys(CAMEO_ROOTS)).toHaveLength(20);
    expect(CAMEO_ROOTS['18']).toMatchObject({ name: 'ASSAULT', goldstein: -9, plover: 'ASSAULT', quad_class: 4 });
  });

  it('reports statements with QuadClass 0 and appeals as REQUEST', () => {
    expect(codeInfo('013')).toMatchObject({ type: 'SUPPORT', quad_class: 0 });
    expect(codeInfo('026')).toMatchObject({ type: 'REQUEST', quad_class: 0, goldstein: 4 });
  });

  it("gives every code the Phoenix QuadClass of its root, whatever its PLOVER type's own group", () => {
    const phoenix = (root: number): number =>
      root <= 2 ? 0 : root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 || root === 16 ? 3 : 4;
    for (const code of [...Object.keys(CAMEO_ROOTS), ...Object.keys(cameoJson.codes)])
      expect(codeInfo(code).quad_class, code).toBe(phoenix(Number(code.slice(0, 2))));
    expect(codeInfo('023')).toMatchObject({ type: 'REQUEST', quad_class: 0 });
    expect(ploverQuadClass('REQUEST')).toBe(3);
    expect(codeInfo('080')).toMatchObject({ type: 'CONCEDE', quad_class: 2 });
    expect(ploverQuadClass('CONCEDE')).toBe(1);
  });

  it('applies per-code PLOVER overrides and inherits Goldstein values from the nearest listed parent', () => {
    expect(codeInfo('0871')).toMatchObject({ type: 'RETREAT', quad_class: 2, goldstein: 9 });
    expect(codeInfo('0841')).toMatchObject({ type: 'RETREAT', goldstein: 7 });
    expect(codeInfo('0811')).toMatchObject({ type: 'CONCEDE', goldstein: 5 });
    expect(codeInfo('191')).toMatchObject({ type: 'COERCE', quad_class: 4 });
  });
});

describe("PLOVER types of a CAMEO root (root queries read these types' index partitions)", () => {
  it('holds the type of every listed code under its root, so no event is missed', () => {
    const codes = [...Object.keys(CAMEO_ROOTS), ...Object.keys(cameoJson.codes)];
    for (const code of codes) expect(ploverTypesOfRoot(code.slice(0, 2))).toContain(codeInfo(code).type);
  });

  it('lists overrides beside the root type and nothing for an unknown root', () => {
    expect(ploverTypesOfRoot('08')).toEqual(['CONCEDE', 'RETREAT']);
    expect(ploverTypesOfRoot('14')).toEqual(['PROTEST']);
    expect(ploverTypesOfRoot('99')).toEqual([]);
  });
});

describe('composing governed acts', () => {
  it('turns an intention to act into 03x and a threat into 13x', () => {
    expect(composeCode('intent', '073')).toBe('033');
    expect(composeCode('threaten', '190')).toBe('138');
    expect(futureCode('042')).toBe('036');
    expect(futureCode('163')).toBe('131');
  });

  it('turns a refused or negated cooperative act into a rejection and drops negated violence', () => {
    expect(composeCode('refuse', '044')).toBe('125');
    expect(negatedCode('080')).toBe('124');
    expect(negatedCode('190')).toBeNull();
  });

  it('codes an ordered coercive act as the act itself', () => {
    expect(composeCode('order', '173')).toBe('173');
    expect(composeCode('demand', '0874')).toBe('106');
  });
});
