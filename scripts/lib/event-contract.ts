/**
 * The coded-event contract that `npm run eval` checks on every event it sees: `quad_class` is the Phoenix
 * QuadClass of the CAMEO code's root and `goldstein` the code's Goldstein value, as the shared table
 * ../shared/eval/events/cameo-roots.json states them for the roots (a specific code's value comes from
 * data/coder/cameo.json: "130", threaten unspecified, is -4.4 where the root 13 is -6), and `type` is the
 * PLOVER type the coder's table gives the code.
 */
import { readFileSync } from 'node:fs';
import { codeInfo } from '../../src/coder/index.js';
import type { CodedEvent } from '../../src/core/event-schema.js';

interface SharedRoot {
  code: string;
  goldstein: number;
  quad_class_phoenix: number;
}

/** Counts events whose QuadClass, Goldstein value or type disagree with their CAMEO code. */
export class EventContractCheck {
  private readonly roots: Map<string, SharedRoot>;
  events = 0;
  readonly violations: string[] = [];

  constructor(rootsPath: string) {
    const list = JSON.parse(readFileSync(rootsPath, 'utf8')) as SharedRoot[];
    this.roots = new Map(list.map((r) => [r.code, r]));
  }

  /** Checks every event of one coded text; `where` names the set in the report. */
  check(events: readonly CodedEvent[], where: string): void {
    for (const e of events) {
      this.events += 1;
      const problem = this.problem(e);
      if (problem) this.violations.push(`${where}: ${e.code} ${problem} in "${e.sentence.slice(0, 80)}"`);
    }
  }

  private problem(e: CodedEvent): string | null {
    const root = this.roots.get(e.code.slice(0, 2));
    if (!root) return 'has an unknown root';
    if (e.quad_class !== root.quad_class_phoenix)
      return `has quad_class ${e.quad_class}, root ${root.code} is ${root.quad_class_phoenix}`;
    const goldstein = e.code.length === 2 ? root.goldstein : codeInfo(e.code).goldstein;
    if (e.goldstein !== goldstein) return `has goldstein ${e.goldstein}, expected ${goldstein}`;
    if (e.type !== codeInfo(e.code).type) return `has type ${e.type}, expected ${codeInfo(e.code).type}`;
    return null;
  }
}
