import { Config } from '@backstage/config';
import {
  OPERATOR_FACT_NAME,
  refuseBuiltInFactNames,
} from '@internal/plugin-maturity-node';
import { z } from 'zod';

const schema = z
  .object({
    baseUrl: z.string().url().optional(),
    facts: z.record(
      z.string().regex(OPERATOR_FACT_NAME.pattern, OPERATOR_FACT_NAME.message),
      z
        .object({
          retriever: z.string().min(1),
          fact: z.string().min(1),
        })
        .strict(),
    ),
    concurrency: z.number().int().positive().max(100).optional(),
    timeoutSeconds: z.number().positive().optional(),
  })
  .strict();

/** The id a Tech Insights fact is reported under. */
export const techInsightsFactId = (name: string) => `techInsights.${name}`;

/** One fact to read: the retriever that writes it and the fact's name in its schema. */
export interface TechInsightsFactDefinition {
  retriever: string;
  fact: string;
}

/** What the module reads from `maturity.techInsights`. */
export interface TechInsightsSettings {
  /** The Tech Insights backend's base URL; default: found through discovery. */
  baseUrl?: string;
  facts: Record<string, TechInsightsFactDefinition>;
  /** Requests in flight at once. */
  concurrency: number;
  timeoutMs: number;
}

/**
 * Reads `maturity.techInsights`, or `undefined` when it is not configured. A bad value throws an
 * error naming the key.
 */
export function readTechInsightsConfig(
  config: Config,
): TechInsightsSettings | undefined {
  const raw = config.getOptional('maturity.techInsights');
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid config ${['maturity', 'techInsights', ...issue.path].join(
        '.',
      )}: ${issue.message}`,
    );
  }
  const { baseUrl, facts, concurrency = 10, timeoutSeconds = 30 } = parsed.data;
  refuseBuiltInFactNames(
    'maturity.techInsights.facts',
    Object.keys(facts),
    techInsightsFactId,
  );
  return {
    ...(baseUrl ? { baseUrl: baseUrl.replace(/\/$/, '') } : {}),
    facts,
    concurrency,
    timeoutMs: timeoutSeconds * 1000,
  };
}
