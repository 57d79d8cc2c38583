import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  applyCheckOverrides,
  CheckDefinition,
  DEFAULT_CHECKS,
  DEFAULT_SCORE_WEIGHTS,
  PLATFORM_CAPABILITIES,
  PlatformCapability,
  PRACTICE_CASES,
  PracticeCase,
  ScoreWeights,
} from '@internal/plugin-maturity-common';
import { z } from 'zod';
import { RetentionPolicy } from '../database/SnapshotStore';
import { readCustomCases } from '../practices/readCustomCases';

/** Capabilities of each named platform, from `maturity.platforms`. */
export type PlatformProfiles = Record<string, Partial<Record<PlatformCapability, boolean>>>;

/** The plugin's settings, validated. */
export interface MaturityConfig {
  checks: CheckDefinition[];
  weights: ScoreWeights;
  unknownAsZero: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  retention: RetentionPolicy;
  platforms: PlatformProfiles;
  /** The published cases and the operator's own. */
  cases: PracticeCase[];
}

/** Default cadence of scoring runs; overridable at `maturity.schedule`. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};

const DEFAULT_RETENTION: RetentionPolicy = { detailDays: 30, retainDays: 730 };

const capabilities = z
  .object(Object.fromEntries(PLATFORM_CAPABILITIES.map(c => [c, z.boolean().optional()])))
  .strict();

const schema = z
  .object({
    weights: z
      .object({ platform: z.number().min(0), business: z.number().min(0) })
      .strict()
      .refine(w => w.platform + w.business > 0, 'platform + business must be above 0')
      .optional(),
    unknownAsZero: z.boolean().optional(),
    checks: z
      .record(
        z.object({
          enabled: z.boolean().optional(),
          weight: z.number().optional(),
          threshold: z.number().optional(),
        }).strict(),
      )
      .optional(),
    schedule: z.unknown().optional(),
    history: z
      .object({
        detailDays: z.number().int().positive().optional(),
        retainDays: z.number().int().positive().optional(),
      })
      .strict()
      .refine(h => (h.detailDays ?? DEFAULT_RETENTION.detailDays) <= (h.retainDays ?? DEFAULT_RETENTION.retainDays), 'detailDays must not exceed retainDays')
      .optional(),
    platforms: z.record(capabilities).optional(),
    practices: z.object({ files: z.array(z.string()).optional() }).strict().optional(),
  })
  .passthrough();

/**
 * Reads and validates `maturity` from app-config. A bad value throws an error naming the key and
 * what is expected, which stops start-up rather than scoring with a half-understood model.
 */
export function readMaturityConfig(config: Config): MaturityConfig {
  const parsed = schema.safeParse(config.getOptional('maturity') ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['maturity', ...issue.path].join('.');
    throw new Error(`Invalid config ${key}: ${issue.message}`);
  }
  const value = parsed.data;
  const scheduleConfig = config.getOptionalConfig('maturity.schedule');
  return {
    checks: applyCheckOverrides(DEFAULT_CHECKS, value.checks ?? {}),
    weights: value.weights ?? DEFAULT_SCORE_WEIGHTS,
    unknownAsZero: value.unknownAsZero ?? false,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
    retention: { ...DEFAULT_RETENTION, ...value.history },
    platforms: (value.platforms ?? {}) as PlatformProfiles,
    cases: [...PRACTICE_CASES, ...readCustomCases(value.practices?.files ?? [])],
  };
}
