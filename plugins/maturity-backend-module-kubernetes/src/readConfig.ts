import { Config } from '@backstage/config';
import path from 'node:path';
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
    timeoutSeconds: z.number().int().positive().optional(),
  })
  .strict();

/**
 * Reads `maturity.kubernetes` and returns a function that yields the cluster sources of a run.
 * A bad value throws an error naming the key.
 */
export function readClusterSources(
  config: Config,
): () => Promise<ClusterSource[]> {
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
  } = parsed.data;
  const live = clusters.map(
    c => new LiveClusterSource(c, { pageSize, timeoutSeconds }),
  );
  // Live clusters win, so production config layered over the demo's never reads recordings.
  if (!recorded || live.length > 0) return async () => live;
  const directory = path.resolve(recorded.directory);
  return () => RecordedClusterSource.discover(directory);
}
