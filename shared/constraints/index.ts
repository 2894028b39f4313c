export { LiveChecker } from './checker';
export { checkFleet } from './full-check';
export { countViolations, describeLimitCount, describeViolation, ruleLabel, type LimitCount } from './describe';
export { type CheckResult, type Headroom, type Violation } from './types';
export { HEADROOM_SPECS, RULES, RULE_SPECS, ruleSpec, type HeadroomKind, type RuleId, type RuleSpec } from './rules';
