import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { indexWriteUnits, itemKind, writeUnits } from '../../../scripts/lib/dynamo-meter.js';
import type { IndexDesign } from '../../../src/storage/table-design.js';

const byType: IndexDesign = { name: 'byType', partitionKey: 'byTypePk', sortKey: 'byTypeSk', projected: ['type'] };
const all: IndexDesign = { ...byType, projected: 'all' };
const item = (fields: Record<string, unknown>) => marshall({ pk: 'EVENT#1', sk: 'EVENT', ...fields });
const indexed = { byTypePk: 'TYPE#PROTEST', byTypeSk: '2026-10-04#1', type: 'PROTEST' };

describe('DynamoDB write metering by AWS rules', () => {
  it('bills a table write by the larger image, per started KB', () => {
    expect(writeUnits(undefined, item({ note: 'x' }))).toBe(1);
    expect(writeUnits(item({ note: 'x'.repeat(3000) }), item({ note: 'x' }))).toBe(3);
  });

  it('bills an index for entering, leaving and moving, but not for attributes it does not project', () => {
    expect(indexWriteUnits(byType, undefined, item(indexed))).toBe(1);
    expect(indexWriteUnits(byType, item(indexed), undefined)).toBe(1);
    expect(indexWriteUnits(byType, item(indexed), item({ ...indexed, byTypeSk: '2026-10-05#1' }))).toBe(2);
    expect(indexWriteUnits(byType, item(indexed), item({ ...indexed, counts: 5 }))).toBe(0);
    expect(indexWriteUnits(all, item(indexed), item({ ...indexed, counts: 5 }))).toBe(1);
    expect(indexWriteUnits(byType, item({ note: 'x' }), item({ note: 'y' }))).toBe(0);
  });

  it('names what a write wrote by its key prefixes, and whether the item is new', () => {
    const mention = marshall({ pk: 'EVENT#1', sk: 'MENTION#a1#3' });
    expect(itemKind(mention, undefined)).toBe('EVENT/MENTION new');
    expect(itemKind(marshall({ pk: 'EVENT#1', sk: 'EVENT' }), item(indexed))).toBe('EVENT/EVENT');
  });
});
