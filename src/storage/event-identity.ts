import type { Actor, CodedEvent } from '../core/event-schema.js';
import { stableId } from '../core/ids.js';

/**
 * Reports of one real-world happening share an identity: same day, same PLOVER type and the same actors
 * (by country code, or by normalised name when there is none), order-free for reciprocal events.
 * Location and CAMEO detail are left out on purpose: outlets often differ on them for the same happening.
 */
export function eventIdOf(event: CodedEvent, date: string): string {
  const source = actorKey(event.source);
  const target = event.target ? actorKey(event.target) : '-';
  const pair = event.reciprocal ? [source, target].sort() : [source, target];
  return stableId(['event', date, event.type, ...pair], 20);
}

function actorKey(actor: Actor): string {
  if (actor.code) return actor.code;
  return (actor.name ?? actor.text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** One mention per (event, article, sentence, verb position): stable under re-delivery and re-runs. */
export function mentionKeyOf(articleId: string, event: CodedEvent): string {
  return stableId([articleId, String(event.sentence_index), String(event.offsets.verb[0]), event.type], 16);
}

/** Keys of the events table: an event, one of its mentions, and the record of a coded article. */
export function eventKey(eventId: string): { pk: string; sk: string } {
  return { pk: `EVENT#${eventId}`, sk: 'EVENT' };
}

export function mentionItemKey(eventId: string, mentionKey: string): { pk: string; sk: string } {
  return { pk: `EVENT#${eventId}`, sk: `${MENTION_PREFIX}${mentionKey}` };
}

export function articleCodedKey(articleId: string): { pk: string; sk: string } {
  return { pk: `ARTICLE#${articleId}`, sk: 'CODED' };
}

/** Sort-key prefix of an event's mention items. */
export const MENTION_PREFIX = 'MENTION#';

/** Confidence of a merged event: the best report's, raised by independent sources agreeing. */
export function mergedConfidence(bestMention: number, sources: number): number {
  const combined = 1 - (1 - bestMention) ** Math.max(1, sources);
  return Math.round(Math.min(1, combined) * 1000) / 1000;
}
