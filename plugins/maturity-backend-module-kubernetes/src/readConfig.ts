import { Config } from '@backstage/config';
import path from 'node:path';
import {
  checkJsonPathFacts,
  JsonPathFactDefinition,
} from '@internal/plugin-maturity-node';
import { z } from 'zod';
import { ClusterSource } from './sources/ClusterSource';
import { LiveClusterSource } from './sources/LiveClusterSource';
import { RecordedClusterSource } from './sources/RecordedClusterSource';

const schema = z
  .object({
    clusters: z
      .array(
        z
          .object({
            name: z.string().min(1),
            url: z.string().url(),
            serviceAccountToken: z.string().optional(),
            caData: z.string().optional(),
            skipTLSVerify: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    recorded: z
      .object({ directory: z.string().min(1) })
      .strict()
      .optional(),
    pageSize: z.number().int().positive().optional(),
    facts: z
      .record(
        z
          .string()
          .regex(
            /^[a-z][a-zA-Z0-9]*$/,
            'expected a camelCase fact name, e.g. serviceAccount',
          ),
        z
          .object({ path: z.string().min(1), exists: z.boolean().optional() })
          .strict(),
      )
      .optional(),
    timeoutSeconds: z.number().int().positive().optional(),
  })
  .strict();

/** The id an operator-defined Kubernetes fact is reported under. */
export const kubernetesFactId = (name: string) => `kubernetes.${name}`;

/** What the module reads from `maturity.kubernetes`. */
export interface KubernetesSettings {
  /** The cluster sources of a run. */
  sources: () => Promise<ClusterSource[]>;
  /** Operator-defined facts: a JSONPath over each of a workload's controllers, by name. */
  facts: Record<string, JsonPathFactDefinition>;
}

/**
 * Reads `maturity.kubernetes`: the clusters (or recordings) a run reads, and the operator's own
 * facts. A bad value throws an error naming the key.
 */
export function readKubernetesConfig(config: Config): KubernetesSettings {
  const parsed = schema.safeParse(
    config.getOptional('maturity.kubernetes') ?? {},
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid config ${['maturity', 'kubernetes', ...issue.path].join('.')}: ${
        issue.message
      }`,
    );
  }
  const {
    clusters = [],
    recorded,
    pageSize = 500,
    timeoutSeconds = 30,
    facts = {},
  } = parsed.data;
  checkJsonPathFacts('maturity.kubernetes.facts', facts, kubernetesFactId);
  const live = clusters.map(
    c => new LiveClusterSource(c, { pageSize, timeoutSeconds }),
  );
  // Live clusters win, so production config layered over the demo's never reads recordings.
  if (!recorded || live.length > 0) return { sources: async () => live, facts };
  const directory = path.resolve(recorded.directory);
  return { sources: () => RecordedClusterSource.discover(directory), facts };
}
