import type { ActorMention } from './actor-mentions.js';
import type { Cues } from './cues.js';
import type { EventFrame } from './event-frames.js';
import type { EventRoles } from './event-roles.js';
import type { Token } from './nlp.js';

/** Civil society: workers, students, opposition, and protesting crowds. Their force is protest, their strike a walkout. */
const CIVIL = new Set(['LAB', 'EDU', 'OPP']);
/** Armed forces of a state or of an armed group: their bombing is war, their strike an attack. */
const ARMED = new Set(['MIL', 'REB']);
/** The state's coercive arm: its raid is a search, not an assault. */
const AUTHORITIES = new Set(['COP', 'GOV', 'JUD']);

/**
 * The CAMEO code of an act once its actors are known, where the same words mean different acts for different
 * actors (CAMEO's own distinctions):
 * - civil society (workers, students, opposition, protesting crowds; not settlers or hackers) acting with force
 *   protests (14): workers "launched a strike" (143), protesters "rallied
 *   against the government" (141), "blocked the highway" or "occupied the ministry" (144), "torched police cars"
 *   or "attacked police" (145);
 * - a state's forces bombing use aerial weapons (195), not a terrorist bomb (183);
 * - shooting a person who is not a fighter ("shot dead a police officer", "gunned down a mayor") is an assault
 *   (180), not small-arms fighting (193);
 * - police or officials raiding an office or a home coerce (170), they do not assault it.
 */
export function codeForActors(frame: EventFrame, roles: EventRoles, tokens: Token[], cues: Cues): string {
  const code = frame.code;
  const lemma = tokens[frame.anchor]?.lemma ?? '';
  const sources = roles.sources;
  const civil = (m: ActorMention) =>
    CIVIL.has(m.sector ?? '') || (m.sector === 'CVL' && cues.protestCrowds.has(tokens[m.end - 1]?.lower ?? ''));
  if (sources.length > 0 && sources.every(civil)) {
    if (lemma === 'strike' && /^(?:18|19)/.test(code)) return '143';
    if (lemma === 'rally' && code.startsWith('11')) return '141';
    if (/^19[12]|^144/.test(code)) return '144';
    if (/^(?:17[01]|18[02]|190)/.test(code)) return '145';
  }
  if (code === '183' && !frame.nominal && sources.some(stateForce)) return '195';
  if (code === '193' && roles.targets.length > 0 && !roles.targets.some(fighter)) return '180';
  if (lemma === 'raid' && code === '180' && sources.some((m) => AUTHORITIES.has(m.sector ?? ''))) return '170';
  return code;
}

function stateForce(m: ActorMention): boolean {
  return m.sector === 'MIL' || (m.sector === null && (m.kind === 'COUNTRY' || m.kind === 'CAPITAL'));
}

/** A fighter or a state: shooting at them is fighting. */
function fighter(m: ActorMention): boolean {
  if (m.sector !== null) return ARMED.has(m.sector);
  return m.kind === 'COUNTRY' || m.kind === 'CAPITAL';
}
