import type { GovernorClass } from './data-schemas.js';

/*
 * CAMEO codes an intention, refusal, appeal, demand, threat or statement about an act by the governing verb,
 * specialised by the act's root ("agreed to provide aid" = 033, "refused to meet" = 125,
 * "threatened to impose sanctions" = 1312-like 131). Tables follow the CAMEO 1.1b3 manual.
 */
const INTENT: Record<string, string> = { '04': '036', '05': '032', '06': '031', '07': '033', '08': '035', '03': '030' };
const REFUSE: Record<string, string> = { '04': '125', '06': '121', '07': '122', '08': '124', '03': '120', '05': '120' };
const APPEAL: Record<string, string> = { '04': '026', '05': '022', '06': '021', '07': '023', '08': '025' };
const DEMAND: Record<string, string> = { '04': '108', '05': '102', '06': '101', '07': '103', '08': '104' };
const THREAT: Record<string, string> = {
  '14': '133',
  '15': '138',
  '16': '131',
  '17': '137',
  '18': '138',
  '19': '138',
  '20': '138',
  '04': '134',
  '08': '130',
};

/** The CAMEO code for `governor` + complement act, or null when the pair does not compose. */
export function composeCode(governor: GovernorClass, complement: string): string | null {
  const root = complement.slice(0, 2);
  const conflict = Number(root) >= 13;
  switch (governor) {
    case 'intent':
      return conflict ? (THREAT[root] ?? '130') : Number(root) <= 8 ? (INTENT[root] ?? '030') : null;
    case 'refuse':
      return REFUSE[root] ?? '120';
    case 'appeal':
      return complement === '0871' ? '107' : complement.startsWith('0874') ? '106' : (APPEAL[root] ?? '020');
    case 'demand':
      return complement === '0871' ? '107' : complement.startsWith('0874') ? '106' : (DEMAND[root] ?? '100');
    case 'order':
      // An authority ordering a coercive act ("ordered the paper to suspend publication") commits it.
      return Number(root) >= 14 ? complement : (DEMAND[root] ?? '100');
    case 'threaten':
      return THREAT[root] ?? '130';
    case 'accuse':
      return '112';
    // Statements about an act are the statement (CAMEO 01x): "hoped to resume", "is considering sending aid",
    // "claimed that they had attacked", "denied that it had used force".
    case 'optimism':
      return '013';
    case 'consider':
      return '014';
    case 'claim':
      return '015';
    case 'deny':
      return '016';
    // "approved the extradition", "authorized the release of aid": the act itself.
    case 'authorize':
      return complement;
  }
}

/** An act announced for the future: cooperative acts become intents (03x), conflictual ones threats (13x). */
export function futureCode(code: string): string | null {
  const root = Number(code.slice(0, 2));
  if (root >= 4 && root <= 8) return composeCode('intent', code);
  if (root >= 14) return composeCode('threaten', code);
  return null;
}

/** A negated cooperative act ("will not accept", "did not agree") is a rejection; negated conflict is not coded. */
export function negatedCode(code: string): string | null {
  const root = Number(code.slice(0, 2));
  if (root >= 3 && root <= 8) return composeCode('refuse', code);
  return null;
}
