/**
 * Names, labels and ids for new things and copies, so nothing is mistaken for another
 * (on a printed plan, in a list of scenarios, in the catalog): each is the first one free.
 */
import type { EquipmentKind } from './schema';

/** `base-1`, `base-2`, …: the first not in use. */
export function freeId(base: string, used: ReadonlySet<string>): string {
  let n = 1;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** "Site 3" when Site 1 and 2 exist: the name for something new, numbered after those given. */
export function nextFreeName(prefix: string, names: readonly string[]): string {
  const taken = new Set(names);
  let n = names.length + 1;
  while (taken.has(`${prefix} ${n}`)) n++;
  return `${prefix} ${n}`;
}

const COPY_SUFFIX = / \(copy(?: \d+)?\)$/;

/**
 * "Bull (copy)", then "Bull (copy 2)", …; a copy of a copy counts on from the same
 * original instead of piling up "(copy) (copy)". Cut to `maxLength` before the suffix.
 */
export function copyName(name: string, taken: Iterable<string>, maxLength: number): string {
  const used = new Set(taken);
  const original = name.replace(COPY_SUFFIX, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${original.slice(0, maxLength - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The label a copy of equipment gets: its number counted on to the first free one
 * ("A1.3" → "A1.4", "Busway 1" → "Busway 2"), or a number added ("CDU" → "CDU 2"). An
 * unlabelled original gives an unlabelled copy.
 */
export function nextFreeLabel(label: string, taken: ReadonlySet<string>, maxLength: number): string {
  if (!label) return label;
  const numbered = /^(.*?)(\d+)$/.exec(label);
  const prefix = numbered ? numbered[1]! : `${label} `;
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
    // "A09" counts on to "A10", keeping the original's zero padding.
    const digits = String(n).padStart(numbered ? numbered[2]!.length : 1, '0');
    const candidate = `${prefix.slice(0, maxLength - digits.length)}${digits}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The tag a new unit's label starts with, as drawings mark equipment: "R3" is a rack, "CDU 2" a CDU. */
const LABEL_TAG: Record<EquipmentKind, string> = {
  'asic-miner': 'M',
  'miner-rack': 'MR',
  'miner-container': 'MC',
  'gpu-server': 'S',
  'gpu-rack': 'R',
  cdu: 'CDU ',
  crah: 'CRAH ',
  'immersion-tank': 'T',
  pdu: 'PDU ',
  busway: 'BW',
  switchboard: 'SWB ',
  transformer: 'TX',
  ups: 'UPS ',
  generator: 'G',
};

/**
 * The label a new unit of this kind gets in a hall whose labels are `taken`: its tag and
 * the first number free ("R1", then "R2"), so the problem list and the printed plan can
 * tell one new unit from another.
 */
export function newUnitLabel(kind: EquipmentKind, taken: ReadonlySet<string>, maxLength: number): string {
  return nextFreeLabel(`${LABEL_TAG[kind]}0`, taken, maxLength);
}
