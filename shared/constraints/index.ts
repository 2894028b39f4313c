export { LiveChecker } from './checker';
export { checkFleet } from './full-check';
export { countViolations, describeLimitCount, describeViolation, ruleLabel, type LimitCount } from './describe';
export { RULES, type CheckResult, type Headroom, type RuleId, type Violation } from './types';
