import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { SCHEMA_VERSION } from './records.js';

/**
 * Items written before schema version 2 name their record fields in camelCase (`quadClass`, `schemaVersion`).
 * Readers see every item in the current shape (`currentShape`). A store about to change an item writes on the
 * condition that it is current (`writeCurrent`): an older item fails that condition and is first rewritten under
 * the new names, in one update that leaves the table-design attributes (keys, index keys, and the sets and
 * counters that make writes idempotent) as they are.
 */

type RecordShape = z.ZodObject<z.ZodRawShape>;

/** The version attribute of items written before schema version 2. */
export const LEGACY_VERSION_ATTRIBUTE = 'schemaVersion';

export function isLegacyItem(item: Record<string, unknown>): boolean {
  return LEGACY_VERSION_ATTRIBUTE in item && !('schema_version' in item);
}

/** The version-1 name of a field: `first_seen` was `firstSeen`. */
function legacyName(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * The item with the fields of `schema` (and of its nested records) under their current names, and the schema
 * version whose shape it now has: a reader that goes by `schema_version` must not take it for a version-1 record.
 */
export function currentShape(item: Record<string, unknown>, schema: RecordShape): Record<string, unknown> {
  return isLegacyItem(item) ? { ...renamed(item, schema).item, schema_version: SCHEMA_VERSION } : item;
}

/** The item renamed, and each field it sets: `from` is the name it had, when another. */
function renamed(
  item: Record<string, unknown>,
  schema: RecordShape,
): { item: Record<string, unknown>; changed: { field: string; from: string | null }[] } {
  const result: Record<string, unknown> = { ...item };
  const changed: { field: string; from: string | null }[] = [];
  for (const [field, type] of Object.entries(schema.shape)) {
    const old = legacyName(field);
    const from = old !== field && old in result && !(field in result) ? old : null;
    const value = result[from ?? field];
    // A nested record (a feed's health) keeps its name and renames its own fields.
    const nested = type instanceof z.ZodObject && isPlainObject(value) ? renamed(value, type) : null;
    if (!from && !nested?.changed.length) continue;
    result[field] = nested ? nested.item : value;
    if (from) delete result[from];
    changed.push({ field, from });
  }
  return { item: result, changed };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Set);
}

/** The stored item a conditional write refers to, and the record schema its fields follow. */
export interface StoredItemRef {
  doc: DynamoDBDocumentClient;
  tableName: string;
  key: { pk: string; sk: string };
  schema: RecordShape;
}

/**
 * Rewrites an item of schema version 1 under the current field names. Returns whether it was upgraded (by this
 * call or a concurrent one), was current already, or is missing.
 */
export async function upgradeStoredItem(ref: StoredItemRef): Promise<'upgraded' | 'current' | 'missing'> {
  const found = await ref.doc.send(new GetCommand({ TableName: ref.tableName, Key: ref.key, ConsistentRead: true }));
  if (!found.Item) return 'missing';
  if (!isLegacyItem(found.Item)) return 'current';
  const { item, changed } = renamed(found.Item, ref.schema);
  const names: Record<string, string> = { '#version': 'schema_version', '#legacy': LEGACY_VERSION_ATTRIBUTE };
  const values: Record<string, unknown> = { ':version': SCHEMA_VERSION };
  const assignments = ['#version = :version'];
  const removals = ['#legacy'];
  for (const [i, { field, from }] of changed.entries()) {
    if (from && from !== LEGACY_VERSION_ATTRIBUTE) {
      removals.push(`#o${i}`);
      names[`#o${i}`] = from;
    }
    if (field === 'schema_version') continue;
    assignments.push(`#n${i} = :n${i}`);
    names[`#n${i}`] = field;
    values[`:n${i}`] = item[field];
  }
  await ref.doc
    .send(
      new UpdateCommand({
        TableName: ref.tableName,
        Key: ref.key,
        UpdateExpression: `SET ${assignments.join(', ')} REMOVE ${removals.join(', ')}`,
        ConditionExpression: 'attribute_exists(#legacy) AND attribute_not_exists(#version)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    )
    .catch((error: unknown) => {
      // Upgraded meanwhile by another writer: the caller's write may go ahead all the same.
      if (!isConditionFailure(error)) throw error;
    });
  return 'upgraded';
}

/**
 * Runs `write`, a write conditioned on the item being current (`attribute_exists(schema_version)` among its
 * conditions). When the condition fails on an item of an earlier schema version, the item is upgraded and the
 * write runs again; any other failure is the caller's.
 */
export async function writeCurrent<T>(ref: StoredItemRef, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isConditionFailure(error) || (await upgradeStoredItem(ref)) !== 'upgraded') throw error;
    return write();
  }
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
