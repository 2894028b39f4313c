/**
 * Open violations as users read them: by rule, errors first, each rule with its count; within
 * a rule about one unit (the registry says which), units of one model breaking it alike in
 * one hall make one line, "23 alike, such as …". The Problems panel and `fleetplan check`
 * list them so.
 */
import { appendAll } from '../arrays';
import { ruleSpec, type RuleId } from './rules';
import type { Violation } from './types';

export interface ProblemLine {
  first: Violation;
  count: number;
  /** Every offender of the line, for a click to select them all. */
  objectIds: string[];
}

export interface ProblemGroup {
  rule: RuleId;
  severity: Violation['severity'];
  /** Violations of the rule (a line of alike units counts each). */
  count: number;
  lines: ProblemLine[];
}

export function problemGroups(violations: readonly Violation[]): ProblemGroup[] {
  const groups = new Map<RuleId, ProblemGroup & { byKey: Map<string, ProblemLine> }>();
  for (const v of violations) {
    let group = groups.get(v.rule);
    if (!group) groups.set(v.rule, (group = { rule: v.rule, severity: v.severity, count: 0, lines: [], byKey: new Map() }));
    group.count++;
    const key = v.modelId && ruleSpec(v.rule).alikeByModel ? `${v.hallId}|${v.modelId}` : v.id;
    const line = group.byKey.get(key);
    if (line) {
      line.count++;
      appendAll(line.objectIds, v.objectIds);
    } else {
      const fresh = { first: v, count: 1, objectIds: [...v.objectIds] };
      group.byKey.set(key, fresh);
      group.lines.push(fresh);
    }
  }
  const rank = (g: ProblemGroup) => (g.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.count - a.count).map(({ byKey: _lines, ...g }) => g);
}
