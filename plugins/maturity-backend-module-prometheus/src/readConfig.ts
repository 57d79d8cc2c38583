import { Config } from '@backstage/config';
import path from 'node:path';
import {
  OPERATOR_FACT_NAME,
  refuseBuiltInFactNames,
} from '@internal/plugin-maturity-node';
import { z } from 'zod';
import { customFactId } from './PrometheusFactCollector';
import { LoadSource } from './LoadSource';
import { PrometheusLoadSource } from './PrometheusLoadSource';
import { RecordedLoadSource } from './RecordedLoadSource';

const schema = z
  .object({
    url: z.string().url().optional(),
    headers: z.record(z.string()).optional(),
    bearerToken: z.string().optional(),
    timeoutSeconds: z.number().positive().optional(),
    stepSeconds: z.number().int().positive().optional(),
    lookbackDays: z.number().positive().optional(),
    concurrency: z.number().int().positive().optional(),
    maxSamplesPerQuery: z.number().int().positive().optional(),
    selectorsPerQuery: z.number().int().positive().max(500).optional(),
    recordingRules: z.boolean().optional(),
    nodeLabel: z.string().min(1).optional(),
    facts: z
      .record(
        z
          .string()
          .regex(OPERATOR_FACT_NAME.pattern, OPERATOR_FACT_NAME.message),
        z.object({ query: z.string().min(1) }).strict(),
      )
      .optional(),
    recorded: z
      .object({ directory: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

/** The module's settings; `source` is undefined when Prometheus is not configured. */
export interface PrometheusSettings {
  source?: LoadSource;
  lookbackDays: number;
  selectorsPerQuery: number;
  /** Operator-defined facts: PromQL by fact name. */
  customFacts: Record<string, string>;
}

/** Reads `maturity.prometheus`; a bad value throws an error naming the key. */
export function readPrometheusConfig(config: Config): PrometheusSettings {
  const parsed = schema.safeParse(
    config.getOptional('maturity.prometheus') ?? {},
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid config ${['maturity', 'prometheus', ...issue.path].join('.')}: ${
        issue.message
      }`,
    );
  }
  const c = parsed.data;
  const customFacts = Object.fromEntries(
    Object.entries(c.facts ?? {}).map(([name, { query }]) => [name, query]),
  );
  refuseBuiltInFactNames(
    'maturity.prometheus.facts',
    Object.keys(customFacts),
    customFactId,
  );
  const settings = {
    lookbackDays: c.lookbackDays ?? 7,
    selectorsPerQuery: c.selectorsPerQuery ?? 50,
    customFacts,
  };
  // A live server wins, so production config layered over the demo's never reads recordings.
  if (!c.url) {
    return c.recorded
      ? {
          ...settings,
          source: new RecordedLoadSource(path.resolve(c.recorded.directory)),
        }
      : settings;
  }
  const headers = {
    ...c.headers,
    ...(c.bearerToken ? { Authorization: `Bearer ${c.bearerToken}` } : {}),
  };
  return {
    ...settings,
    source: new PrometheusLoadSource({
      url: c.url,
      headers,
      timeoutMs: (c.timeoutSeconds ?? 120) * 1000,
      stepSeconds: c.stepSeconds ?? 300,
      concurrency: c.concurrency ?? 2,
      // Prometheus' own default for --query.max-samples.
      maxSamplesPerQuery: c.maxSamplesPerQuery ?? 50_000_000,
      recordingRules: c.recordingRules ?? false,
      ...(c.nodeLabel ? { nodeLabel: c.nodeLabel } : {}),
    }),
  };
}
