export { LiveChecker } from './checker';
export { checkFleet } from './full-check';
export { describeViolation, ruleLabel } from './describe';
export { RULES, type CheckResult, type Headroom, type RuleId, type Violation } from './types';
