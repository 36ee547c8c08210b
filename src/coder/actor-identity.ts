import type { Actor } from '../core/event-schema.js';
import { isCountryCode } from './actor-countries.js';

/**
 * Whether two actors of one event are the same actor, so that the event has no target of its own:
 * the same dictionary entity (a pronoun resolved to its antecedent carries the antecedent's id), or a
 * state and its own government or place ("Spain ... told reporters in Madrid", "Modi said the deal would
 * help India"). Different people, or different sectors of one country ("the army attacked rebels"), are
 * different actors.
 */
export function sameActor(a: Actor, b: Actor): boolean {
  if (a.entity_id !== null && a.entity_id === b.entity_id) return true;
  if (!isCountryCode(a.code) || a.code !== b.code) return false;
  const state = (x: Actor): boolean => x.sector === null || x.sector === 'GOV';
  const person = (x: Actor): boolean => x.entity_id?.startsWith('person:') === true;
  return state(a) && state(b) && !(person(a) && person(b));
}
