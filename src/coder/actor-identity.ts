import type { Actor } from '../core/event-schema.js';
import { isCountryCode } from './actor-countries.js';

/**
 * Whether two actors of one event are the same actor, so that the event has no target of its own (an event never
 * targets its own source: the coder drops such a target). The same dictionary entity (a pronoun resolved to its
 * antecedent carries the antecedent's id); or, for one country's actors that are not two different people, the
 * same sector ("Prime Minister Trudeau" and "the federal government") or a state and its own government or
 * place ("Spain ... told reporters in Madrid", "Modi said the deal would help India"). Different people, different
 * sectors of one country ("the army attacked rebels") and two unnamed international bodies are different actors.
 */
export function sameActor(a: Actor, b: Actor | null): boolean {
  if (b === null || a.code === null) return false;
  if (a.entity_id !== null && a.entity_id === b.entity_id) return true;
  if (a.code !== b.code || !isCountryCode(a.code)) return false;
  const person = (x: Actor): boolean => x.entity_id?.startsWith('person:') === true;
  if (person(a) && person(b)) return false;
  const state = (x: Actor): boolean => x.sector === null || x.sector === 'GOV';
  return a.sector === b.sector || (state(a) && state(b));
}
