import cameoJson from '../../data/coder/cameo.json' with { type: 'json' };
import type { PloverType } from '../core/event-schema.js';
import { CameoFileSchema } from './data-schemas.js';
import { DictionaryError } from './errors.js';

/** What a CAMEO root code stands for. */
export interface CameoRoot {
  name: string;
  goldstein: number;
  /** Phoenix QuadClass of the root: 0 statements and appeals (01-02), 1 verbal cooperation (03-05), 2 material
   * cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20). */
  quad_class: number;
  /** Closest PLOVER type; statements (01) and appeals (02) have none in PLOVER, see data/coder/README.md. */
  plover: PloverType;
}

/** How one CAMEO code is reported on an event. */
export interface CodeInfo {
  code: string;
  type: PloverType;
  /** Phoenix QuadClass of the code's root, whatever its PLOVER type. */
  quad_class: number;
  goldstein: number;
}

const parsed = CameoFileSchema.safeParse(cameoJson);
if (!parsed.success) throw new DictionaryError(`data/coder/cameo.json is invalid: ${parsed.error.message}`);
const cameo = parsed.data;

/** CAMEO root code ("01".."20") -> name, Goldstein value, QuadClass and closest PLOVER type. */
export const CAMEO_ROOTS: Readonly<Record<string, CameoRoot>> = cameo.roots;

const infoCache = new Map<string, CodeInfo>();

/**
 * PLOVER type, QuadClass and Goldstein value of a CAMEO code. Specific codes take their own
 * Goldstein value and PLOVER override when listed, else the nearest listed parent's, else the root's.
 * QuadClass is always the Phoenix QuadClass of the code's root, so it agrees with `code` (an appeal, 02x,
 * is 0 although its PLOVER type REQUEST sits in PLOVER's verbal-conflict group: see {@link ploverQuadClass}).
 */
export function codeInfo(code: string): CodeInfo {
  const cached = infoCache.get(code);
  if (cached) return cached;
  const root = CAMEO_ROOTS[code.slice(0, 2)];
  if (!root) throw new DictionaryError(`unknown CAMEO root in code ${code}`);
  let goldstein = root.goldstein;
  let type = root.plover;
  for (let len = 3; len <= code.length; len += 1) {
    const entry = cameo.codes[code.slice(0, len)];
    if (!entry) continue;
    goldstein = entry.goldstein;
    if (entry.plover) type = entry.plover;
  }
  const info = { code, type, quad_class: root.quad_class, goldstein };
  infoCache.set(code, info);
  return info;
}

/**
 * The PLOVER manual's own grouping of a PLOVER type into four classes (1 verbal cooperation .. 4 material
 * conflict). It is a function of `type` alone, so events do not carry it; the PLOVER gold standard is labelled
 * with it. It differs from the Phoenix QuadClass of the CAMEO code for appeals (REQUEST: 3 here, 0 for 02x),
 * statements (0 there) and yielding (CONCEDE: 1 here, 2 for 08x).
 */
export function ploverQuadClass(type: PloverType): number {
  const quad = cameo.ploverQuadClass[type];
  if (quad === undefined) throw new DictionaryError(`data/coder/cameo.json has no PLOVER quad class for ${type}`);
  return quad;
}

/**
 * Every PLOVER type an event under a CAMEO root can have: the root's own and the overrides of its codes. Events
 * take their type from their code (codeInfo), so a query by root only needs these types' partitions.
 */
export function ploverTypesOfRoot(root: string): PloverType[] {
  const rootInfo = CAMEO_ROOTS[root];
  if (!rootInfo) return [];
  const overrides = Object.entries(cameo.codes)
    .filter(([code, entry]) => code.startsWith(root) && entry.plover)
    .map(([, entry]) => entry.plover as PloverType);
  return [...new Set([rootInfo.plover, ...overrides])].sort();
}
