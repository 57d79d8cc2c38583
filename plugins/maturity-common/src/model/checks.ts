import { DimensionId } from './dimensions';

/** Which score a check feeds: what the platform provides, or what the owning team does. @public */
export type CheckSide = 'platform' | 'business';

/**
 * How a check turns its fact into a credit from 0 to 1.
 * - `true` / `false`: full credit when the fact has that value, none otherwise;
 * - `atLeast`: partial credit `value / target`, capped at 1 (utilisation 0.25 of a 0.5 target gives 0.5);
 * - `atMost`: full credit up to `limit`, falling linearly to none at `zeroAt`;
 * - `between`: full credit inside `[min, max]`, none outside.
 * @public
 */
export type CheckRule =
  | { kind: 'true'; fact: string }
  | { kind: 'false'; fact: string }
  | { kind: 'atLeast'; fact: string; target: number }
  | { kind: 'atMost'; fact: string; limit: number; zeroAt: number }
  | { kind: 'between'; fact: string; min: number; max: number };

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
