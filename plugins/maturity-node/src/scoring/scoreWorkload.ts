import {
  CheckDefinition,
  CheckResult,
  CheckRule,
  CheckSide,
  CheckStatus,
  DeclaredFactsPolicy,
  DIMENSION_IDS,
  FactRule,
  FactBasis,
  DimensionId,
  FactValue,
  gatedLevel,
  isCompositeRule,
  isWaiverActive,
  Level,
  ruleFacts,
  ScoreWeights,
  Waiver,
  WorkloadFacts,
  WorkloadScore,
} from '@internal/plugin-maturity-common';
import { combineScore } from './weights';
import { WeightedMean } from './WeightedMean';

/** Options of {@link scoreWorkload}. @public */
export interface ScoreOptions {
  weights?: ScoreWeights;
  /** Count a check whose fact is unknown as 0 instead of leaving it out. Default false. */
  unknownAsZero?: boolean;
  waivers?: Waiver[];
  /** Fact ids whose values are stale. */
  staleFacts?: ReadonlySet<string>;
  /** Fact ids whose values were declared rather than measured. */
  declaredFacts?: ReadonlySet<string>;
  /** What a check resting on a declared fact earns. Default `count`. */
  declaredFactsPolicy?: DeclaredFactsPolicy;
  /** The levels with their required checks; default the built-in bands, no requirements. */
  levels?: readonly Level[];
  now: Date;
}

function factCredit(rule: FactRule, value: FactValue): number | undefined {
  switch (rule.kind) {
    case 'true':
      return typeof value === 'boolean' ? Number(value) : undefined;
    case 'false':
      return typeof value === 'boolean' ? Number(!value) : undefined;
    case 'atLeast':
      if (typeof value !== 'number') return undefined;
      return rule.target <= 0
        ? 1
        : Math.min(1, Math.max(0, value / rule.target));
    case 'atMost':
      if (typeof value !== 'number') return undefined;
      if (value <= rule.limit) return 1;
      if (value >= rule.zeroAt) return 0;
      return (rule.zeroAt - value) / (rule.zeroAt - rule.limit);
    case 'between':
      if (typeof value !== 'number') return undefined;
      return value >= rule.min && value <= rule.max ? 1 : 0;
    default:
      return undefined;
  }
}

/**
 * The credit of a rule over facts read through `value` (undefined: unknown). `all` takes the
 * lowest credit and `any` the highest; an unknown rule leaves the answer unknown unless a known one
 * settles it (0 for `all`, 1 for `any`).
 */
function ruleCredit(
  rule: CheckRule,
  value: (fact: string) => FactValue | undefined,
): number | undefined {
  if (!isCompositeRule(rule)) {
    const v = value(rule.fact);
    return v === undefined ? undefined : factCredit(rule, v);
  }
  const settles = rule.kind === 'all' ? 0 : 1;
  let unknown = false;
  let credit = 1 - settles;
  for (const part of rule.rules) {
    const c = ruleCredit(part, value);
    if (c === settles) return c;
    if (c === undefined) unknown = true;
    else
      credit = rule.kind === 'all' ? Math.min(credit, c) : Math.max(credit, c);
  }
  return unknown ? undefined : credit;
}

/**
 * A composite rule's credit and basis. A declared fact counts as `declaredFactsPolicy` says:
 * under `ignore` it is hidden from the rule; otherwise the credit rests on a declaration (and
 * `half` halves it) when any declared fact was known.
 */
function compositeCredit(
  rule: CheckRule,
  facts: WorkloadFacts,
  options: Pick<ScoreOptions, 'declaredFacts' | 'declaredFactsPolicy'>,
): { earned: number | undefined; basis: FactBasis | undefined } {
  const policy = options.declaredFactsPolicy ?? 'count';
  const declared = (id: string) => options.declaredFacts?.has(id) ?? false;
  const value =
    policy === 'ignore'
      ? (id: string) => (declared(id) ? undefined : facts[id])
      : (id: string) => facts[id];
  let basis: FactBasis | undefined;
  for (const id of ruleFactsOf(rule)) {
    if (value(id) === undefined) continue;
    if (declared(id)) {
      basis = 'declared';
      break;
    }
    basis = 'measured';
  }
  let earned = ruleCredit(rule, value);
  if (earned !== undefined && basis === 'declared' && policy === 'half')
    earned /= 2;
  return { earned, basis };
}

function applies(check: CheckDefinition, facts: WorkloadFacts): boolean {
  if (!check.appliesTo) return true;
  const known = check.appliesTo.facts.find(id => facts[id] !== undefined);
  return (
    known === undefined || check.appliesTo.values.includes(String(facts[known]))
  );
}

// The facts a check and a rule read, worked out once per check rather than once per workload.
const FACTS_READ = new WeakMap<object, readonly string[]>();
function ruleFactsOf(rule: CheckRule): readonly string[] {
  let ids = FACTS_READ.get(rule);
  if (!ids) {
    ids = ruleFacts(rule);
    FACTS_READ.set(rule, ids);
  }
  return ids;
}
function factsRead(check: CheckDefinition): readonly string[] {
  let ids = FACTS_READ.get(check);
  if (!ids) {
    ids = [
      ...new Set([
        ...(check.appliesTo?.facts ?? []),
        ...ruleFactsOf(check.rule),
      ]),
    ];
    FACTS_READ.set(check, ids);
  }
  return ids;
}

/** Evaluates one check against a workload's facts. @public */
export function evaluateCheck(
  check: CheckDefinition,
  facts: WorkloadFacts,
  options: Omit<ScoreOptions, 'weights' | 'waivers'> & { waiver?: Waiver },
): CheckResult {
  const seen: Record<string, FactValue> = {};
  let stale = false;
  for (const id of factsRead(check)) {
    if (facts[id] !== undefined) seen[id] = facts[id];
    if (options.staleFacts?.has(id)) stale = true;
  }
  // One object literal per outcome rather than a closure building it: this runs once per check
  // of every workload of a run, and a closure is an allocation of its own.
  let status: CheckStatus;
  let credit: number | null = null;
  if (!applies(check, facts)) status = 'not-applicable';
  else if (options.waiver && isWaiverActive(options.waiver, options.now)) {
    return {
      id: check.id,
      facts: seen,
      stale,
      status: 'waived',
      credit,
      waiver: options.waiver,
    };
  } else {
    let basis: FactBasis | undefined;
    let earned: number | undefined;
    const rule = check.rule;
    if (isCompositeRule(rule)) {
      ({ earned, basis } = compositeCredit(rule, facts, options));
    } else {
      // One fact, the common case: read it directly, without building a lookup.
      const value = facts[rule.fact];
      if (value !== undefined)
        basis = options.declaredFacts?.has(rule.fact) ? 'declared' : 'measured';
      const policy =
        basis === 'declared' ? options.declaredFactsPolicy ?? 'count' : 'count';
      earned =
        policy === 'ignore' || value === undefined
          ? undefined
          : factCredit(rule, value);
      if (earned !== undefined && policy === 'half') earned /= 2;
    }
    if (earned === undefined) {
      status = 'unknown';
      credit = options.unknownAsZero ? 0 : null;
    } else {
      status = 'partial';
      if (earned === 1) status = 'pass';
      else if (earned === 0) status = 'fail';
      credit = earned;
    }
    if (basis)
      return { id: check.id, facts: seen, stale, status, credit, basis };
  }
  return { id: check.id, facts: seen, stale, status, credit };
}

/** A mean of credits (0–1) as a score (0–100). */
function asPercent(credits: WeightedMean): number | null {
  const mean = credits.mean();
  return mean === null ? null : 100 * mean;
}

/**
 * Scores one workload: each side is Σ weight·credit / Σ weight over its counted checks (0–100),
 * and `score = wp·platform + wb·business`. A workload with a side that has nothing to count has
 * no score: it is shown with its checks but carries no weight in roll-ups. A check whose rule
 * reads a declared fact earns what `declaredFactsPolicy` allows; `measuredShare` is the share of
 * the counted checks' weight that rests on measured facts. Its level is the highest whose band
 * its score reaches and whose required checks it passes (`levels`).
 * @public
 */
export function scoreWorkload(
  checks: readonly CheckDefinition[],
  facts: WorkloadFacts,
  options: ScoreOptions,
): WorkloadScore {
  const waivers = new Map((options.waivers ?? []).map(w => [w.checkId, w]));
  const sides: Record<CheckSide, WeightedMean> = {
    platform: new WeightedMean(),
    business: new WeightedMean(),
  };
  const byDimension = new Map(
    DIMENSION_IDS.map(id => [id, new WeightedMean()]),
  );
  let counted = 0;
  let measured = 0;
  const checkOptions = { ...options, waiver: undefined as Waiver | undefined };
  const results = checks.map(check => {
    checkOptions.waiver = waivers.get(check.id);
    const result = evaluateCheck(check, facts, checkOptions);
    sides[check.side].add(check.weight, result.credit);
    byDimension.get(check.dimension)?.add(check.weight, result.credit);
    if (result.credit !== null) {
      counted += check.weight;
      if (result.basis === 'measured') measured += check.weight;
    }
    return result;
  });
  const platform = asPercent(sides.platform);
  const business = asPercent(sides.business);
  const score =
    platform === null || business === null
      ? null
      : combineScore(platform, business, options.weights);
  const dimensions = Object.fromEntries(
    DIMENSION_IDS.map(id => [id, asPercent(byDimension.get(id)!)]),
  ) as Record<DimensionId, number | null>;
  // Asked only for required checks, of which a model has a few if any.
  const gated =
    score === null
      ? null
      : gatedLevel(
          score,
          id => results.find(r => r.id === id)?.status,
          options.levels,
        );
  return {
    score,
    platform,
    business,
    level: gated?.level ?? null,
    nextLevel: gated?.next ?? null,
    dimensions,
    checks: results,
    measuredShare: counted > 0 ? measured / counted : null,
  };
}
