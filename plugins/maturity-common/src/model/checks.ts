import { DimensionId } from './dimensions';

/** Which score a check feeds: what the platform provides, or what the owning team does. @public */
export type CheckSide = 'platform' | 'business';

/**
 * How a check turns one fact into a credit from 0 to 1.
 * - `true` / `false`: full credit when the fact has that value, none otherwise;
 * - `atLeast`: partial credit `value / target`, capped at 1 (utilisation 0.25 of a 0.5 target gives 0.5);
 * - `atMost`: full credit up to `limit`, falling linearly to none at `zeroAt`;
 * - `between`: full credit inside `[min, max]`, none outside.
 * @public
 */
export type FactRule =
  | { kind: 'true'; fact: string }
  | { kind: 'false'; fact: string }
  | { kind: 'atLeast'; fact: string; target: number }
  | { kind: 'atMost'; fact: string; limit: number; zeroAt: number }
  | { kind: 'between'; fact: string; min: number; max: number };

/**
 * How a check turns its facts into a credit from 0 to 1: a {@link FactRule}, or
 * - `all`: the lowest credit of its rules (every one must hold);
 * - `any`: the highest credit of its rules (one is enough).
 *
 * An unknown fact is unknown, not false: `all` is 0 as soon as one rule earns 0 and otherwise
 * unknown while any rule is; `any` is 1 as soon as one rule earns 1 and otherwise unknown while any
 * rule is (Kleene's three-valued logic, with partial credit).
 * @public
 */
export type CheckRule =
  | FactRule
  | { kind: 'all'; rules: CheckRule[] }
  | { kind: 'any'; rules: CheckRule[] };

/** Whether a rule combines other rules. @public */
export function isCompositeRule(
  rule: CheckRule,
): rule is Extract<CheckRule, { rules: CheckRule[] }> {
  return rule.kind === 'all' || rule.kind === 'any';
}

/** The facts a rule reads, each once, in the order written. @public */
export function ruleFacts(rule: CheckRule): string[] {
  if (!isCompositeRule(rule)) return [rule.fact];
  return [...new Set(rule.rules.flatMap(ruleFacts))];
}

/**
 * Limits a check to some workloads: it applies when the first of `facts` that is known equals
 * one of `values`. When none is known the check applies, so missing data never hides a check.
 * @public
 */
export interface CheckApplicability {
  facts: string[];
  values: string[];
}

/** A declarative check of the maturity model. @public */
export interface CheckDefinition {
  /** Kebab-case id, also used in waiver annotations. */
  id: string;
  title: string;
  dimension: DimensionId;
  side: CheckSide;
  /** Relative weight within its side. */
  weight: number;
  rule: CheckRule;
  appliesTo?: CheckApplicability;
  /** Why it matters, in one or two sentences. */
  rationale: string;
  /** What the owner (or the platform team) does to pass it. */
  remediation: string;
  /** Ids of best-practice cases that show the practice paying off. */
  cases: string[];
}

/** The outcome of one check for one workload. @public */
export type CheckStatus =
  | 'pass'
  | 'partial'
  | 'fail'
  | 'not-applicable'
  | 'unknown'
  | 'waived';

/** The main number of a rule that `maturity.checks.<id>.threshold` replaces, if it has one. @public */
export function ruleThreshold(rule: CheckRule): number | undefined {
  switch (rule.kind) {
    case 'atLeast':
      return rule.target;
    case 'atMost':
      return rule.limit;
    default:
      return undefined;
  }
}
