export { checkFleet, LiveChecker } from './checker';
export { describeViolation, ruleLabel } from './describe';
export { RULES, type CheckResult, type Headroom, type RuleId, type Violation } from './types';
