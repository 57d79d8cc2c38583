import { readRatesFile } from './readRatesFile';
import { budgetsSchema, readBudgets } from '../budgets/readBudgets';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { Duration } from 'luxon';
import {
  builtInFacts,
  InitiativeDefinition,
  CheckDefinition,
  DECLARED_FACTS_POLICIES,
  DeclaredFactsPolicy,
  DEFAULT_CHECKS,
  DEFAULT_SCORE_WEIGHTS,
  Level,
  LevelId,
  LEVELS,
  PLATFORM_CAPABILITIES,
  PlatformCapability,
  PRACTICE_CASES,
  PracticeCase,
  ScoreWeights,
  CostPrices,
  CostPriceOverride,
  DEFAULT_COST_PRICES,
  DEFAULT_ELASTICITY,
  DEFAULT_RIGHT_SIZING,
  ElasticityParams,
  RightSizingParams,
} from '@internal/plugin-maturity-common';
import {
  applyCheckOverrides,
  checkJsonPathFacts,
  DEFAULT_NODE_SIGNAL_THRESHOLDS,
  NodeSignalThresholds,
  OPERATOR_FACT_NAME,
} from '@internal/plugin-maturity-node';
import { z } from 'zod';
import { RetentionPolicy } from '../database/SnapshotStore';
import { readCustomCases } from '../practices/readCustomCases';
import { readCustomChecks } from './readCustomChecks';
import { readScorecards, ScorecardByKind } from './readScorecards';
import {
  catalogFactId,
  CatalogFactDefinition,
} from '../collectors/catalogFacts';
import { FactHistory, readFactHistory } from '../history/FactHistory';
import { readConfigInitiatives } from '../initiatives/initiativeProblems';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettings,
} from '../notifications/MaturityNotifier';

/** Capabilities of each named platform, from `maturity.platforms`. */
export type PlatformProfiles = Record<
  string,
  Partial<Record<PlatformCapability, boolean>>
>;

/** The plugin's settings, validated. */
export interface MaturityConfig {
  checks: CheckDefinition[];
  /** The operator's JSONPath facts over entities, by name. */
  catalogFacts: Record<string, CatalogFactDefinition>;
  /** The levels, with the checks each requires. */
  levels: Level[];
  /** Check sets for kinds of workload, chosen by a filter on the entity. */
  scorecards: ScorecardByKind[];
  weights: ScoreWeights;
  unknownAsZero: boolean;
  declaredFacts: DeclaredFactsPolicy;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** When a run stops itself, in milliseconds: below the schedule's timeout. */
  runDeadlineMs: number;
  retention: RetentionPolicy;
  /** A recorded past to write as daily snapshots before the first run (maturity.history.backfillFile). */
  history?: FactHistory;
  platforms: PlatformProfiles;
  /** The published cases and the operator's own. */
  cases: PracticeCase[];
  cost: CostConfig;
  /** What owners are told, through Backstage's notifications service. */
  notifications: NotificationSettings;
  /** The initiatives declared in config (`maturity.initiatives`), for GitOps. */
  initiatives: InitiativeDefinition[];
  /** Monthly budgets by Group ref (`maturity.budgets`). */
  budgets: Map<string, number>;
}

/** Prices and right-sizing parameters, from `maturity.cost`. */
export interface CostConfig {
  prices: CostPrices;
  overrides: CostPriceOverride[];
  rightSizing: RightSizingParams;
  elasticity: ElasticityParams;
  /** Price per GiB-month of a persistent volume by storage class. */
  storageClasses: Record<string, number>;
  /** When a node's utilisation maxima make it hot or cold (node signals). */
  nodeSignals: NodeSignalThresholds;
}

/**
 * What a declared fact is worth by default: half of a measured one, so that a leaderboard that
 * decides rewards moves by what runs rather than by what an annotation says, while teams whose
 * practices no source measures yet are not scored as if they had none.
 */
export const DEFAULT_DECLARED_FACTS: DeclaredFactsPolicy = 'half';

/** Default cadence of scoring runs; overridable at `maturity.schedule`. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};

const DEFAULT_RETENTION: RetentionPolicy = {
  runDays: 2,
  detailDays: 30,
  retainDays: 730,
};

const capabilities = z
  .object(
    Object.fromEntries(
      PLATFORM_CAPABILITIES.map(c => [c, z.boolean().optional()]),
    ),
  )
  .strict();

const price = z.number().nonnegative();
const priceFields = {
  cpuCoreHour: price.optional(),
  memoryGiBHour: price.optional(),
  gpuHour: price.optional(),
  storageGiBMonth: price.optional(),
  discount: z.number().min(0).max(1).optional(),
};
const cost = z
  .object({
    prices: z
      .object({
        ...priceFields,
        // One currency for all: costs of different clusters are added up.
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
          .optional(),
      })
      .strict()
      .optional(),
    overrides: z
      .array(
        z
          .object({
            cluster: z.string().optional(),
            namespace: z.string().optional(),
            nodeType: z.string().optional(),
            ...priceFields,
          })
          .strict()
          .refine(
            o =>
              o.cluster !== undefined ||
              o.namespace !== undefined ||
              o.nodeType !== undefined,
            'an override needs a cluster, a namespace or a nodeType',
          ),
      )
      .optional(),
    // Negotiated rates from a CSV file (readRatesFile).
    ratesFile: z.string().min(1).optional(),
    // Storage classes' prices per GiB-month: a class named here wins over storageGiBMonth.
    storageClasses: z.record(price).optional(),
    rightSizing: z
      .object({
        margin: z.number().min(0).optional(),
        cpuFloorCores: z.number().nonnegative().optional(),
        memoryFloorMiB: z.number().nonnegative().optional(),
        oomBumpMiB: z.number().nonnegative().optional(),
        oomBumpRatio: z.number().min(1).optional(),
      })
      .strict()
      .optional(),
    elasticity: z
      .object({
        fluctuationThreshold: z.number().min(1).optional(),
        minTargetUtilization: z.number().min(1).max(100).optional(),
        maxTargetUtilization: z.number().min(1).max(100).optional(),
        defaultMinReplicas: z.number().int().min(1).optional(),
        maxReplicasFactor: z.number().min(1).optional(),
      })
      .strict()
      .refine(
        e =>
          (e.minTargetUtilization ?? DEFAULT_ELASTICITY.minTargetUtilization) <=
          (e.maxTargetUtilization ?? DEFAULT_ELASTICITY.maxTargetUtilization),
        'minTargetUtilization must not exceed maxTargetUtilization',
      )
      .optional(),
    nodeSignals: z
      .object({
        hot: z.number().gt(0).max(1).optional(),
        cold: z.number().gt(0).max(1).optional(),
      })
      .strict()
      .refine(
        t =>
          (t.cold ?? DEFAULT_NODE_SIGNAL_THRESHOLDS.cold) <
          (t.hot ?? DEFAULT_NODE_SIGNAL_THRESHOLDS.hot),
        'cold must be below hot',
      )
      .optional(),
  })
  .strict();

function readCostConfig(value: z.infer<typeof cost> = {}): CostConfig {
  const { memoryFloorMiB, oomBumpMiB, ...rightSizing } =
    value.rightSizing ?? {};
  return {
    prices: { ...DEFAULT_COST_PRICES, ...value.prices },
    // The file's negotiated rates first: they win a tie with config overrides.
    overrides: [
      ...(value.ratesFile ? readRatesFile(value.ratesFile) : []),
      ...(value.overrides ?? []),
    ],
    rightSizing: {
      ...DEFAULT_RIGHT_SIZING,
      ...rightSizing,
      ...(memoryFloorMiB !== undefined
        ? { memoryFloorGiB: memoryFloorMiB / 1024 }
        : {}),
      ...(oomBumpMiB !== undefined ? { oomBumpGiB: oomBumpMiB / 1024 } : {}),
    },
    elasticity: { ...DEFAULT_ELASTICITY, ...value.elasticity },
    nodeSignals: { ...DEFAULT_NODE_SIGNAL_THRESHOLDS, ...value.nodeSignals },
    storageClasses: value.storageClasses ?? {},
  };
}

const schema = z
  .object({
    weights: z
      .object({ platform: z.number().min(0), business: z.number().min(0) })
      .strict()
      .refine(
        w => w.platform + w.business > 0,
        'platform + business must be above 0',
      )
      .optional(),
    unknownAsZero: z.boolean().optional(),
    customChecks: z.array(z.unknown()).optional(),
    scorecards: z.unknown().optional(),
    catalogFacts: z
      .record(
        z
          .string()
          .regex(OPERATOR_FACT_NAME.pattern, OPERATOR_FACT_NAME.message),
        z
          .object({
            path: z.string().min(1),
            exists: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    customCheckFiles: z.array(z.string().min(1)).optional(),
    levels: z
      .record(
        z.enum(['L1', 'L2', 'L3', 'L4', 'L5']),
        z.object({ requires: z.array(z.string().min(1)) }).strict(),
      )
      .optional(),
    declaredFacts: z
      .enum(
        DECLARED_FACTS_POLICIES as [
          DeclaredFactsPolicy,
          ...DeclaredFactsPolicy[],
        ],
      )
      .optional(),
    checks: z
      .record(
        z
          .object({
            enabled: z.boolean().optional(),
            weight: z.number().optional(),
            threshold: z.number().optional(),
          })
          .strict(),
      )
      .optional(),
    schedule: z.unknown().optional(),
    runDeadline: z.unknown().optional(),
    history: z
      .object({
        runDays: z.number().int().nonnegative().optional(),
        detailDays: z.number().int().positive().optional(),
        retainDays: z.number().int().positive().optional(),
        backfillFile: z.string().min(1).optional(),
      })
      .strict()
      .refine(
        h =>
          (h.detailDays ?? DEFAULT_RETENTION.detailDays) <=
          (h.retainDays ?? DEFAULT_RETENTION.retainDays),
        'detailDays must not exceed retainDays',
      )
      .refine(
        h =>
          (h.runDays ?? DEFAULT_RETENTION.runDays) <=
          (h.retainDays ?? DEFAULT_RETENTION.retainDays),
        'runDays must not exceed retainDays',
      )
      .optional(),
    platforms: z.record(capabilities).optional(),
    practices: z
      .object({ files: z.array(z.string()).optional() })
      .strict()
      .optional(),
    cost: cost.optional(),
    budgets: budgetsSchema.optional(),
    initiatives: z.unknown().optional(),
    notifications: z
      .object({
        enabled: z.boolean().optional(),
        scoreDrop: z.number().positive().optional(),
        waiverExpiryDays: z.number().int().nonnegative().optional(),
        initiativeDeadlineDays: z.number().int().nonnegative().optional(),
        maxPerRun: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

const toMs = (duration: Duration | HumanDuration) =>
  Duration.isDuration(duration)
    ? duration.toMillis()
    : durationToMilliseconds(duration);

/**
 * `maturity.runDeadline`: by default four fifths of the schedule's timeout, so that a run stops
 * itself and records why before the scheduler gives up on it.
 */
function readRunDeadline(
  config: Config,
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  const timeoutMs = toMs(schedule.timeout);
  if (!config.has('maturity.runDeadline')) return Math.floor(timeoutMs * 0.8);
  const deadlineMs = toMs(
    readDurationFromConfig(config, { key: 'maturity.runDeadline' }),
  );
  if (!(deadlineMs > 0 && deadlineMs < timeoutMs)) {
    throw new Error(
      `Invalid config maturity.runDeadline: ${
        deadlineMs / 1000
      } seconds; expected a positive duration shorter than maturity.schedule.timeout (${
        timeoutMs / 1000
      } seconds)`,
    );
  }
  return deadlineMs;
}

/**
 * Reads and validates `maturity` from app-config. A bad value throws an error naming the key and
 * what is expected, which stops start-up rather than scoring with a half-understood model.
 */
export function readMaturityConfig(
  config: Config,
  options: {
    /** Facts the installed modules' collectors declare, beside the built-in ones. */
    collectorFacts?: Iterable<string>;
  } = {},
): MaturityConfig {
  const parsed = schema.safeParse(config.getOptional('maturity') ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['maturity', ...issue.path].join('.');
    throw new Error(`Invalid config ${key}: ${issue.message}`);
  }
  const value = parsed.data;
  const scheduleConfig = config.getOptionalConfig('maturity.schedule');
  const schedule = scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : DEFAULT_SCHEDULE;
  const cases = [
    ...PRACTICE_CASES,
    ...readCustomCases(value.practices?.files ?? []),
  ];
  const catalogFacts = value.catalogFacts ?? {};
  checkJsonPathFacts('maturity.catalogFacts', catalogFacts, catalogFactId);
  const custom = readCustomChecks(
    value.customChecks ?? [],
    value.customCheckFiles ?? [],
    {
      facts: new Set([
        ...builtInFacts(),
        ...Object.keys(catalogFacts).map(catalogFactId),
        ...(options.collectorFacts ?? []),
      ]),
      cases: new Set(cases.map(c => c.id)),
      taken: new Set(DEFAULT_CHECKS.map(c => c.id)),
    },
  );
  const checks = applyCheckOverrides(
    [...DEFAULT_CHECKS, ...custom],
    value.checks ?? {},
  );
  return {
    checks,
    catalogFacts,
    levels: readLevels(value.levels ?? {}, checks),
    scorecards: readScorecards(value.scorecards, checks),
    weights: value.weights ?? DEFAULT_SCORE_WEIGHTS,
    unknownAsZero: value.unknownAsZero ?? false,
    declaredFacts: value.declaredFacts ?? DEFAULT_DECLARED_FACTS,
    schedule,
    runDeadlineMs: readRunDeadline(config, schedule),
    retention: {
      runDays: value.history?.runDays ?? DEFAULT_RETENTION.runDays,
      detailDays: value.history?.detailDays ?? DEFAULT_RETENTION.detailDays,
      retainDays: value.history?.retainDays ?? DEFAULT_RETENTION.retainDays,
    },
    ...(value.history?.backfillFile
      ? { history: readFactHistory(value.history.backfillFile) }
      : {}),
    platforms: (value.platforms ?? {}) as PlatformProfiles,
    cases,
    cost: readCostConfig(value.cost),
    notifications: {
      ...DEFAULT_NOTIFICATION_SETTINGS,
      ...value.notifications,
    },
    initiatives: readConfigInitiatives(
      value.initiatives,
      new Set(checks.map(c => c.id)),
    ),
    budgets: readBudgets(value.budgets),
  };
}

/**
 * The levels with the checks `maturity.levels.<id>.requires` names. A check that does not exist,
 * or is switched off, is an error naming the key: a gate on nothing would never hold anyone back.
 */
function readLevels(
  config: Partial<Record<LevelId, { requires: string[] }>>,
  checks: CheckDefinition[],
): Level[] {
  const known = new Set(checks.map(c => c.id));
  for (const [id, { requires }] of Object.entries(config)) {
    if (id === 'L1' && requires.length > 0) {
      throw new Error(
        'Invalid config maturity.levels.L1.requires: L1 is where every workload starts; require checks of L2 and above',
      );
    }
    requires.forEach((check, i) => {
      if (!known.has(check)) {
        throw new Error(
          `Invalid config maturity.levels.${id}.requires[${i}]: there is no check '${check}' in force; expected one of ${[
            ...known,
          ].join(', ')}`,
        );
      }
    });
  }
  return LEVELS.map(level => {
    const requires = config[level.id]?.requires;
    return requires?.length
      ? { ...level, requires: [...new Set(requires)] }
      : level;
  });
}

/** The scoring model in force. */
export interface ScoringModel {
  checks: CheckDefinition[];
  levels: Level[];
  /** Check sets for kinds of workload; a workload none selects is scored on `checks`. */
  scorecards?: ScorecardByKind[];
  weights: ScoreWeights;
  unknownAsZero: boolean;
  declaredFacts: DeclaredFactsPolicy;
}
