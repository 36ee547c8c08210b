import type { Actor } from '../core/event-schema.js';

/**
 * True when two actors are the same CAMEO actor: the same known entity, or the same country (or IGO / NGO) code
 * with the same sector when they are not two different known entities ("Prime Minister Trudeau" and "the federal
 * government" are both CAN GOV; "Trump" and "Biden", two known people, are not the same actor). An event never
 * targets its own source: the coder drops such a target.
 */
export function isSameActor(a: Actor, b: Actor | null): boolean {
  if (b === null || a.code === null) return false;
  if (a.entity_id !== null && a.entity_id === b.entity_id) return true;
  const distinctEntities = a.entity_id !== null && b.entity_id !== null;
  return !distinctEntities && a.code === b.code && a.sector === b.sector;
}
