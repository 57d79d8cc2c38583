import { Config } from '@backstage/config';
import path from 'node:path';
import {
  checkJsonPathFacts,
  JsonPathFactDefinition,
  jsonPathProblem,
  OPERATOR_FACT_NAME,
} from '@internal/plugin-maturity-node';
import { ResourceFactDefinition } from './facts/resourceFacts';
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
          .regex(OPERATOR_FACT_NAME.pattern, OPERATOR_FACT_NAME.message),
        z
          .object({
            path: z.string().min(1).optional(),
            exists: z.boolean().optional(),
            resource: z
              .object({
                apiVersion: z
                  .string()
                  .regex(
                    /^([a-z0-9.-]+\/)?v[0-9]+[a-z0-9]*$/,
                    'expected group/version, e.g. keda.sh/v1alpha1, or v1',
                  ),
                plural: z
                  .string()
                  .regex(
                    /^[a-z][a-z0-9]*$/,
                    'expected the resource in lower case plural, e.g. scaledobjects',
                  ),
                target: z.string().min(1).optional(),
                selector: z.string().min(1).optional(),
              })
              .strict()
              .refine(r => !(r.target && r.selector), {
                message: 'give target or selector, not both',
              })
              .optional(),
          })
          .strict()
          .refine(f => f.path !== undefined || (f.resource && f.exists), {
            path: ['path'],
            message:
              'expected a JSONPath (only an exists fact on a resource may leave it out)',
          }),
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
  /** Operator-defined facts read from objects of a named kind, by name. */
  resourceFacts: Record<string, ResourceFactDefinition>;
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
    facts: allFacts = {},
  } = parsed.data;
  const key = 'maturity.kubernetes.facts';
  const facts: Record<string, JsonPathFactDefinition> = {};
  const resourceFacts: Record<string, ResourceFactDefinition> = {};
  for (const [name, { resource, path: factPath, exists }] of Object.entries(
    allFacts,
  )) {
    if (resource) {
      resourceFacts[name] = { resource, path: factPath, exists };
      for (const field of ['target', 'selector'] as const) {
        const problem = resource[field] && jsonPathProblem(resource[field]!);
        if (problem)
          throw new Error(
            `Invalid config ${key}.${name}.resource.${field}: ${JSON.stringify(
              resource[field],
            )} is not a JSONPath expression (${problem})`,
          );
      }
    } else facts[name] = { path: factPath!, exists };
  }
  checkJsonPathFacts(
    key,
    {
      ...facts,
      ...Object.fromEntries(
        Object.entries(resourceFacts).map(([name, d]) => [
          name,
          { path: d.path ?? '$' },
        ]),
      ),
    },
    kubernetesFactId,
  );
  const settings = { facts, resourceFacts };
  const live = clusters.map(
    c => new LiveClusterSource(c, { pageSize, timeoutSeconds }),
  );
  // Live clusters win, so production config layered over the demo's never reads recordings.
  if (!recorded || live.length > 0)
    return { sources: async () => live, ...settings };
  const directory = path.resolve(recorded.directory);
  return {
    sources: () => RecordedClusterSource.discover(directory),
    ...settings,
  };
}
