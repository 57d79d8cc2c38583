import { WorkloadHierarchy } from './hierarchy';
import { CheckDefinition } from './model/checks';
import { Dimension, DimensionId } from './model/dimensions';
import { Level, LevelId, NextLevel } from './model/levels';
import { CheckResult } from './model/checkResults';
import { DeclaredFactsPolicy } from './model/facts';
import { ScoreWeights } from './scoreWeights';
import { PracticeCase } from './practices/cases';
import {
  CostBasis,
  CostFigures,
  CostPrices,
  CostWindow,
  ElasticityHint,
  ResourceCost,
  RightSizing,
} from './cost';

/** Where a workload's cores come from. @public */
export type CoresSource =
  | 'kubernetes'
  | 'prometheus'
  | 'annotation'
  | 'unknown';

/** A workload as the REST API lists it (`GET /api/maturity/v1/workloads`). @public */
export interface WorkloadSummary extends WorkloadHierarchy {
  /** Entity ref of the Component, e.g. `component:default/checkout-api`. */
  ref: string;
  title?: string;
  /** CPU cores it is weighted by, or `null` when unknown (then it carries no weight). */
  cores: number | null;
  coresSource: CoresSource;
  /**
   * Problems found reading it: in its annotations, each naming the annotation and expected form,
   * and by its collectors (an unknown platform, a bad selector).
   */
  problems: string[];
  /** When the run of the current snapshot, which saw it in the catalog, started (ISO 8601). */
  lastSeenAt: string;
}

/** Response of `GET /api/maturity/v1/workloads`. @public */
export interface WorkloadListResponse {
  /** One page of the matching workloads, by ref. */
  items: WorkloadSummary[];
  /** How many workloads match, over all pages. */
  total: number;
  /** Matching workloads that carry no weight because their cores are unknown or zero. */
  unweighted: number;
  /** When the current snapshot's run finished, or `null` before the first run. */
  refreshedAt: string | null;
}

/**
 * A roll-up level above workloads: the organisation's (product, team, department, company), and
 * the platform each workload runs on (its cluster, or the platform profile it names).
 * @public
 */
export type RollUpLevel = HierarchyLevel | 'platform';

/** A level of the organisation's hierarchy. @public */
export type HierarchyLevel = 'product' | 'team' | 'department' | 'company';

/** Every level the suite scores: workloads and their roll-ups. @public */
export type ScoreLevelKind = 'workload' | RollUpLevel;

/** The snapshot a response was read from. @public */
export interface SnapshotRef {
  id: number;
  /** When its run finished (ISO 8601). */
  at: string;
}

/** Scores shared by every scorecard; 0–100, `null` where nothing carries weight. @public */
export interface ScoreSummary {
  score: number | null;
  platform: number | null;
  business: number | null;
  level: LevelId | null;
  /** Cores the entity is weighted by (Σ over weighted workloads for a roll-up). */
  cores: number;
}

/** A Component's scorecard (`GET /v1/scorecards/component/:namespace/:name`). @public */
export interface WorkloadScorecard extends ScoreSummary, WorkloadHierarchy {
  kind: 'workload';
  ref: string;
  title?: string;
  coresSource: CoresSource;
  dimensions: Record<DimensionId, number | null>;
  checks: CheckResult[];
  /** The scorecard (`maturity.scorecards`) its kind is scored on; absent: every check in force. */
  scorecard?: string;
  /** What blocks the level above its own; `null` at L5 or without a score. */
  nextLevel: NextLevel | null;
  /** The share of its counted check weight that rests on measured facts (0–1). */
  measuredShare: number | null;
  /** Problems in the entity's annotations (cores, waivers, practices…), each naming the annotation. */
  problems: string[];
  /** Some of its facts are stale because a collector failed in the latest run. */
  stale: boolean;
  /** Which collectors failed for it, why, and since when their facts date. */
  staleSources: Array<{ collector: string; reason: string; since?: string }>;
  snapshot: SnapshotRef;
}

/** One member of a roll-up, ranked by score. @public */
export interface ScorecardMember {
  kind: ScoreLevelKind;
  ref: string;
  /** 1 for the best score; `null` for members without a score. */
  rank: number | null;
  score: number | null;
  level: LevelId | null;
  cores: number;
  workloads: number;
}

/** A System's or Group's scorecard: its roll-up and its members ranked. @public */
export interface GroupScorecard extends ScoreSummary {
  kind: RollUpLevel;
  ref: string;
  workloads: number;
  /** Workloads under it that carry no weight (0 or unknown cores, or no score). */
  unweightedWorkloads: number;
  /**
   * On a company: workloads in no company because their owner is not a Group in the catalog
   * (each listed with that problem in `/v1/workloads`).
   */
  unassignedWorkloads?: number;
  /** The share of check weight resting on measured facts, core-weighted over its workloads. */
  measuredShare: number | null;
  /** Core-weighted means of its workloads' dimension scores. */
  dimensions: Record<DimensionId, number | null>;
  /**
   * Check id → the share (0–1) of the cores the check applies to whose workloads pass it; a
   * check that applies to none of them is left out.
   */
  adoption: Record<string, number>;
  /** Workloads for a product or team, teams for a department, departments for a company. */
  members: ScorecardMember[];
  snapshot: SnapshotRef;
}

/** Response of `GET /v1/scorecards/:kind/:namespace/:name`. @public */
export type Scorecard = WorkloadScorecard | GroupScorecard;

/** A check's id, title, dimension and side. @public */
export interface CheckSummary {
  id: string;
  title: string;
  dimension: DimensionId;
  side: 'platform' | 'business';
}

/** A workload that does not pass a check, and what passing it would add. @public */
export interface CheckFix {
  ref: string;
  status: 'fail' | 'partial' | 'unknown';
  /** Points the workload's own score would gain. */
  gain: number;
  cores: number;
  /** Points the group's score would gain: gain × cores / the group's cores. */
  points: number;
}

/** A check whose fix would raise a group's score. @public */
export interface CheckImpactSummary {
  check: string;
  title: string;
  /** Points the group's score gains if every weighted workload under it passed the check. */
  points: number;
  /** Weighted workloads under the group that do not pass it. */
  workloads: number;
  /** Up to 10 of them the caller may read, those that add most first. */
  fixes: CheckFix[];
}

/** Response of `GET /v1/insight/:kind/:namespace/:name`. @public */
export interface InsightResponse {
  kind: RollUpLevel;
  ref: string;
  score: number | null;
  level: LevelId | null;
  cores: number;
  workloads: number;
  dimensions: Record<DimensionId, number | null>;
  /** Every check in force with its adoption, least adopted first. */
  checks: Array<CheckSummary & { adoption: number | null }>;
  /** The checks whose fix adds most, most points first. */
  impact: CheckImpactSummary[];
  snapshot: SnapshotRef;
}

/** The levels a heatmap shows. @public */
export type HeatmapLevel = 'department' | 'team' | 'platform';

/** One group's row of a heatmap. @public */
export interface HeatmapRow {
  ref: string;
  score: number | null;
  level: LevelId | null;
  cores: number;
  workloads: number;
  adoption: Record<string, number>;
}

/** Response of `GET /v1/heatmap`. @public */
export interface HeatmapResponse {
  level: HeatmapLevel;
  department?: string;
  checks: CheckSummary[];
  rows: HeatmapRow[];
  snapshot: SnapshotRef | null;
}

/** One point of an entity's score history. @public */
export interface HistoryPoint extends ScoreSummary {
  at: string;
}

/** Response of `GET /v1/scorecards/:kind/:namespace/:name/history`. @public */
export interface HistoryResponse {
  ref: string;
  kind: ScoreLevelKind;
  points: HistoryPoint[];
}

/** One leaderboard row. @public */
export interface LeaderboardRow extends ScoreSummary {
  ref: string;
  rank: number | null;
  workloads: number;
  /**
   * The share of its check weight resting on measured facts, core-weighted (0–1); `null` when
   * nothing under it was scored or the row predates it.
   */
  measuredShare: number | null;
  /** Score now minus score at the start of the window; `null` without an earlier snapshot. */
  scoreChange: number | null;
  /** Places gained (positive) or lost over the window; `null` without an earlier rank. */
  rankChange: number | null;
  /** Hourly cost, waste and potential saving now; `null` before costs were computed. */
  cost: CostSummary | null;
}

/** What a leaderboard ranks by: score, potential monthly saving, or share of cost wasted. @public */
export type LeaderboardOrder = 'score' | 'savings' | 'waste';

/** Response of `GET /v1/leaderboard`. @public */
export interface LeaderboardResponse {
  level: RollUpLevel;
  by: LeaderboardOrder;
  /** Currency of the rows' cost figures. */
  currency: string;
  window: string;
  snapshot: SnapshotRef | null;
  /** The snapshot changes are measured against: the newest one at least `window` old. */
  comparedTo: SnapshotRef | null;
  /** Rows that match the filters, before `offset` and `limit`. */
  total: number;
  offset: number;
  rows: LeaderboardRow[];
}

/** Response of `GET /v1/model`: the model in force. @public */
export interface ModelResponse {
  dimensions: Dimension[];
  levels: Level[];
  checks: CheckDefinition[];
  weights: ScoreWeights;
  unknownAsZero: boolean;
  /** What a check resting on a declared fact earns (`maturity.declaredFacts`). */
  declaredFacts: DeclaredFactsPolicy;
}

/** Response of `GET /v1/labels`: what the catalog module writes back as labels. @public */
export interface EntityLabelsResponse {
  snapshot: SnapshotRef | null;
  items: Array<{ ref: string; level: LevelId; score: number }>;
}

/** Response of `GET /v1/practices`. @public */
export interface PracticeListResponse {
  items: PracticeCase[];
}

/** Response of `GET /v1/practices/:kind/:namespace/:name`: the most relevant cases first. @public */
export interface PracticeSuggestionsResponse {
  ref: string;
  items: Array<{
    case: PracticeCase;
    relevance: number;
    reason: string;
    because: string[];
  }>;
}

/** Cost figures with the share of cost wasted. @public */
export interface CostSummary extends CostFigures {
  /** hourlyWaste / hourlyCost; `null` when nothing is priced. */
  wasteShare: number | null;
}

/** One point of an entity's cost history. @public */
export interface CostPoint extends CostFigures {
  at: string;
}

/** A roll-up's member with its cost, ranked by potential saving. @public */
export interface CostMember extends CostSummary {
  kind: ScoreLevelKind;
  ref: string;
  /** 1 for the largest potential saving. */
  rank: number | null;
  cores: number;
  workloads: number;
}

/** What a workload's cost rests on, and how to lower it. @public */
export interface WorkloadCostAdvice {
  basis: CostBasis;
  cpu: ResourceCost;
  memory: ResourceCost;
  /** GPUs, for a workload that requests them: priced, their use not measured. */
  gpu?: ResourceCost;
  /** Its persistent volumes, in GiB, for a workload that claims any. */
  storage?: ResourceCost;
  /** The storage class holding most of its volumes, whose price they are at. */
  storageClass?: string;
  rightSizing: RightSizing;
  elasticity: ElasticityHint;
  /** The prices in force where it runs. */
  prices: CostPrices;
}

/** Response of `GET /v1/costs/:kind/:namespace/:name`. @public */
export interface CostResponse {
  kind: ScoreLevelKind;
  ref: string;
  window: CostWindow;
  currency: string;
  snapshot: SnapshotRef;
  /** Hourly figures in the current snapshot. */
  current: CostSummary;
  /** The window: mean hourly cost and waste over its snapshots × its hours. */
  totals: {
    hours: number;
    cost: number;
    waste: number;
    wasteShare: number | null;
    /** Snapshots the mean was taken over, and the time they span. */
    points: number;
    from: string;
    to: string;
  };
  /** For a workload: the resources, right-sizing and elasticity advice. */
  workload?: WorkloadCostAdvice;
  /** For a roll-up: its members, largest potential saving first. */
  members?: CostMember[];
  /** Workloads whose cost is only an estimate from declared cores. */
  estimatedWorkloads: number;
  /** Whether any of the figures is such an estimate. */
  estimate: boolean;
  /** Cost history over the last 90 days, oldest first. */
  trend: CostPoint[];
  /** For a team or department with a monthly budget (`maturity.budgets`): this month against it. */
  budget?: BudgetStatus;
  /** For a platform that is a Kubernetes cluster: its nodes' cost, allocated and idle. */
  cluster?: ClusterCost;
  /** For such a cluster: its nodes' cost and the idle part of it over the last 90 days. */
  clusterTrend?: ClusterCostTrendPoint[];
  /**
   * For a team, department or company: its share of the idle capacity of the clusters its
   * workloads run on (OpenCost's `shareIdle`), beside its workloads' cost and not part of it.
   */
  idle?: IdleCostShare;
}

/** CPU, memory and GPUs of capacity or requests. @public */
export interface ResourceAmounts {
  cpuCores: number;
  memoryGiB: number;
  gpus: number;
}

/** An hourly cost by resource, and its total. @public */
export interface ResourceHourlyCost {
  cpu: number;
  memory: number;
  gpu: number;
  total: number;
}

/** The nodes of one instance type in a cluster. @public */
export interface ClusterNodeType {
  /** `node.kubernetes.io/instance-type`; null for nodes without the label. */
  nodeType: string | null;
  nodes: number;
  /** The zones they are in (`topology.kubernetes.io/zone`). */
  zones: string[];
  capacity: ResourceAmounts;
  hourlyCost: number;
  idleHourlyCost: number;
}

/** A group's part of a cluster's idle cost. @public */
export interface IdleShare {
  kind: ScoreLevelKind;
  ref: string;
  hourlyCost: number;
}

/** One node's utilisation maxima, 0–1, as Crane's load-aware scheduler reads them. @public */
export interface NodeUtilisation {
  node: string;
  cpuMax1h: number | null;
  cpuMax1d: number | null;
  memoryMax1h: number | null;
  memoryMax1d: number | null;
}

/** Advice that node signals support; `check` names the scorecard check it is about. @public */
export interface NodeSignalAdvice {
  check: string;
  /** For over-commit: the ratio of allocatable CPU to capacity the nodes' load leaves room for. */
  ratio?: number;
  reason: string;
}

/**
 * A cluster's node utilisation from Prometheus (node exporter): the maximum over the last hour
 * and day of each node's 5-minute mean, Crane's `*_usage_max_avg_1h` and `_1d`. @public
 */
export interface NodeSignals {
  /** Nodes Prometheus had figures for, of the cluster's. */
  measuredNodes: number;
  /** The busiest node's maxima. */
  busiest: Omit<NodeUtilisation, 'node'>;
  /** Nodes whose 1-hour maximum of CPU or memory is above the hot threshold, busiest first. */
  hotNodes: NodeUtilisation[];
  /** Nodes whose 1-day maxima of CPU and memory are both below the cold threshold. */
  coldNodes: number;
  thresholds: { hot: number; cold: number };
  overcommit: NodeSignalAdvice;
  rescheduling: NodeSignalAdvice;
}

/**
 * What a cluster's nodes cost an hour, and how much of it the pods running there request
 * (allocated) or leave idle, priced per node type. @public
 */
export interface ClusterCost {
  cluster: string;
  nodes: number;
  /** The capacity of its nodes, what is billed (virtual nodes are left out: they bill per pod). */
  capacity: ResourceAmounts;
  /**
   * What its nodes offer pods: capacity less what the system reserves, or more where nodes
   * over-commit. Shown beside capacity; the cost is the capacity's.
   */
  allocatable: ResourceAmounts;
  /** Requests of its running pods, on each node at most its capacity. */
  allocated: ResourceAmounts;
  idle: ResourceAmounts;
  hourlyCost: ResourceHourlyCost;
  allocatedHourlyCost: ResourceHourlyCost;
  idleHourlyCost: ResourceHourlyCost;
  nodeTypes: ClusterNodeType[];
  /** The idle cost shared to departments in proportion to their requests, largest first. */
  idleShares: IdleShare[];
  /** The idle cost left with the cluster: the part of pods in no department's workloads. */
  idleUnshared: number;
  /** Node utilisation from Prometheus, when it watches the nodes. */
  signals?: NodeSignals;
}

/** A cluster's hourly cost at one run. @public */
export interface ClusterCostTrendPoint {
  at: string;
  hourlyCost: number;
  allocatedHourlyCost: number;
  idleHourlyCost: number;
}

/** A group's part of the idle cost of the clusters its workloads run on. @public */
export interface IdleCostShare {
  hourlyCost: ResourceHourlyCost;
  clusters: Array<{ cluster: string; hourlyCost: number }>;
}

/** A team's or department's monthly budget, in the cost currency. @public */
export interface Budget {
  /** The Group's entity ref. */
  group: string;
  monthly: number;
  /** Declared in app-config (`maturity.budgets`): changed there, not through the API. */
  declared: boolean;
}

/** Response of `GET /v1/budgets`: the budgets of the groups the caller may read. @public */
export interface BudgetListResponse {
  items: Budget[];
}

/**
 * A group's month against its budget: the cost so far, and a month-end forecast at the latest
 * hourly cost. @public
 */
export interface BudgetStatus {
  /** `YYYY-MM` (UTC). */
  month: string;
  monthly: number;
  monthToDate: number;
  forecast: number;
  /** How far the forecast exceeds the budget; null when it does not. */
  overBy: number | null;
}

/** Response of `GET /v1/costs/:kind/:namespace/:name/history`. @public */
export interface CostHistoryResponse {
  ref: string;
  kind: ScoreLevelKind;
  currency: string;
  points: CostPoint[];
}

/**
 * What an initiative asks of the workloads in its scope: a level, a score, or that named checks
 * pass (exactly one). @public
 */
export type InitiativeTarget =
  | { level: Exclude<LevelId, 'L1'> }
  | { score: number }
  | { checks: string[] };

/** A goal with an owner and a deadline, over a company, department or team. @public */
export interface InitiativeDefinition {
  /** Kebab-case, unique. */
  id: string;
  name: string;
  /** Entity ref of who owns it: a Group or User. */
  owner: string;
  /** Entity ref of the company, department or team whose workloads it covers. */
  scope: string;
  target: InitiativeTarget;
  /** Its last day, `YYYY-MM-DD`. */
  deadline: string;
}

/** Core-weighted progress: the weighted cores in scope, and those whose workloads meet the target. @public */
export interface InitiativeProgress {
  cores: number;
  coresMet: number;
  /** coresMet / cores; null when nothing in scope carries weight. */
  share: number | null;
}

/** An initiative with its progress in the current snapshot. @public */
export interface Initiative extends InitiativeDefinition {
  /** Declared in app-config (read-only here) or created through the API. */
  source: 'config' | 'api';
  progress: InitiativeProgress | null;
}

/** Response of `GET /v1/initiatives`. @public */
export interface InitiativeListResponse {
  items: Initiative[];
  snapshot: SnapshotRef | null;
}

/** Response of `GET /v1/initiatives/:id`: its progress per department and team, and over time. @public */
export interface InitiativeResponse extends Initiative {
  groups: Array<
    InitiativeProgress & { ref: string; kind: 'department' | 'team' }
  >;
  /** Progress at each day's snapshot, oldest first. */
  burndown: Array<InitiativeProgress & { at: string }>;
  snapshot: SnapshotRef | null;
}
