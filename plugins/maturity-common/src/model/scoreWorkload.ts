import { CheckDefinition, CheckRule, CheckSide, CheckStatus } from './checks';
import { DIMENSION_IDS, DimensionId } from './dimensions';
import { FactValue, WorkloadFacts } from './facts';
import { LevelId, levelForScore } from './levels';
import { isWaiverActive, Waiver } from './waivers';
import { combineScore, ScoreWeights } from '../rollUp';

/** One check's outcome for one workload, with the facts it read. @public */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** 0–1 when evaluated; `null` when not applicable, unknown (and not counted) or waived. */
  credit: number | null;
  /** The facts the check read; a fact missing here was unknown. */
  facts: Record<string, FactValue>;
  /** Some fact it read comes from a collector whose latest run failed for this workload. */
  stale: boolean;
  waiver?: Waiver;
}

/** Options of {@link scoreWorkload}. @public */
export interface ScoreOptions {
  weights?: ScoreWeights;
  /** Count a check whose fact is unknown as 0 instead of leaving it out. Default false. */
  unknownAsZero?: boolean;
  waivers?: Waiver[];
  /** Fact ids whose values are stale. */
  staleFacts?: ReadonlySet<string>;
  now: Date;
}

/** A workload's scorecard. Scores are 0–100, `null` where nothing could be evaluated. @public */
export interface WorkloadScore {
  score: number | null;
  platform: number | null;
  business: number | null;
  level: LevelId | null;
  dimensions: Record<DimensionId, number | null>;
  checks: CheckResult[];
}

function ruleCredit(rule: CheckRule, value: FactValue): number | undefined {
  switch (rule.kind) {
    case 'true':
      return typeof value === 'boolean' ? Number(value) : undefined;
    case 'false':
      return typeof value === 'boolean' ? Number(!value) : undefined;
    case 'atLeast':
      if (typeof value !== 'number') return undefined;
      return rule.target <= 0 ? 1 : Math.min(1, Math.max(0, value / rule.target));
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

function applies(check: CheckDefinition, facts: WorkloadFacts): boolean {
  if (!check.appliesTo) return true;
  const known = check.appliesTo.facts.find(id => facts[id] !== undefined);
  return known === undefined || check.appliesTo.values.includes(String(facts[known]));
}

/** Evaluates one check against a workload's facts. @public */
export function evaluateCheck(
  check: CheckDefinition,
  facts: WorkloadFacts,
  options: Omit<ScoreOptions, 'weights' | 'waivers'> & { waiver?: Waiver },
): CheckResult {
  const read = [...(check.appliesTo?.facts ?? []), check.rule.fact];
  const seen: Record<string, FactValue> = {};
  for (const id of read) if (facts[id] !== undefined) seen[id] = facts[id];
  const stale = read.some(id => options.staleFacts?.has(id) ?? false);
  const base = { id: check.id, facts: seen, stale };

  if (!applies(check, facts)) return { ...base, status: 'not-applicable', credit: null };
  if (options.waiver && isWaiverActive(options.waiver, options.now)) {
    return { ...base, status: 'waived', credit: null, waiver: options.waiver };
  }
  const credit = ruleCredit(check.rule, facts[check.rule.fact]);
  if (credit === undefined) {
    return { ...base, status: 'unknown', credit: options.unknownAsZero ? 0 : null };
  }
  let status: CheckStatus = 'partial';
  if (credit === 1) status = 'pass';
  else if (credit === 0) status = 'fail';
  return { ...base, status, credit };
}

/** Σ weight·credit / Σ weight over the results that carry a credit, as 0–100; null if none do. */
function weightedPercent(pairs: Array<{ weight: number; credit: number | null }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, credit } of pairs) {
    if (credit === null) continue;
    sum += weight * credit;
    weights += weight;
  }
  return weights > 0 ? (100 * sum) / weights : null;
}

/**
 * Scores one workload: each side is Σ weight·credit / Σ weight over its counted checks (0–100),
 * and `score = wp·platform + wb·business`. A workload with a side that has nothing to count has
 * no score: it is shown with its checks but carries no weight in roll-ups.
 * @public
 */
export function scoreWorkload(
  checks: readonly CheckDefinition[],
  facts: WorkloadFacts,
  options: ScoreOptions,
): WorkloadScore {
  const waivers = new Map((options.waivers ?? []).map(w => [w.checkId, w]));
  const evaluated = checks.map(check => ({
    check,
    result: evaluateCheck(check, facts, { ...options, waiver: waivers.get(check.id) }),
  }));
  const side = (which: CheckSide) =>
    weightedPercent(
      evaluated
        .filter(e => e.check.side === which)
        .map(e => ({ weight: e.check.weight, credit: e.result.credit })),
    );
  const platform = side('platform');
  const business = side('business');
  const score =
    platform === null || business === null
      ? null
      : combineScore(platform, business, options.weights);
  const dimensions = Object.fromEntries(
    DIMENSION_IDS.map(id => [
      id,
      weightedPercent(
        evaluated
          .filter(e => e.check.dimension === id)
          .map(e => ({ weight: e.check.weight, credit: e.result.credit })),
      ),
    ]),
  ) as Record<DimensionId, number | null>;
  return {
    score,
    platform,
    business,
    level: score === null ? null : levelForScore(score).id,
    dimensions,
    checks: evaluated.map(e => e.result),
  };
}
