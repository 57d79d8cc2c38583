import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  FactOrigin,
  FactValue,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import {
  FactCollectionResult,
  FactCollectionRun,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import pLimit from 'p-limit';
import { TechInsightsReader } from './TechInsightsClient';
import { techInsightsFactId, TechInsightsFactDefinition } from './readConfig';

/** What a stored fact is worth to a check: a scalar as it is, a list by its length. */
function asFact(value: unknown): FactValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (['string', 'number', 'boolean'].includes(typeof value))
    return value as FactValue;
  return Array.isArray(value) ? value.length : undefined;
}

/** Why Tech Insights could not be read, in a sentence for the scorecard. */
function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof ResponseError)
    return `Tech Insights answered ${error.response.status}: ${error.body.error.message}`;
  const e = error as Error;
  if (e?.name === 'TimeoutError')
    return `Tech Insights did not answer within ${timeoutMs / 1000} s`;
  const cause = (e as { cause?: Error })?.cause?.message;
  return `Tech Insights could not be reached: ${e?.message ?? e}${
    cause ? ` (${cause})` : ''
  }`;
}

/** What the pages of one run share: once Tech Insights fails, it is not asked again. */
interface RunState {
  tripped?: string;
}

/**
 * Facts an organisation's Tech Insights fact retrievers already collect, read from the Tech
 * Insights backend for each workload and reported as `techInsights.<name>` (declared: the
 * suite cannot see what a retriever read). Requests run `concurrency` at a time; the first
 * that fails (a timeout, an error answer, no connection) stops the run's asking, so a Tech
 * Insights that hangs costs one timeout, and every workload not yet read keeps its last facts,
 * marked stale with the reason.
 */
export class TechInsightsFactCollector implements MaturityFactCollector {
  readonly id = 'tech-insights';
  readonly source = 'tech-insights' as const;
  readonly facts: readonly string[];
  private readonly retrievers: string[];

  constructor(
    private readonly options: {
      reader: TechInsightsReader;
      facts: Record<string, TechInsightsFactDefinition>;
      concurrency: number;
      timeoutMs: number;
    },
  ) {
    this.facts = Object.keys(options.facts).map(techInsightsFactId);
    this.retrievers = [
      ...new Set(Object.values(options.facts).map(f => f.retriever)),
    ];
  }

  async collect(
    workloads: Entity[],
    run: FactCollectionRun,
  ): Promise<FactCollectionResult> {
    const state = await run.once<RunState>(
      `${this.id}:state`,
      async () => ({}),
    );
    const facts = new Map<string, WorkloadFacts>();
    const origins = new Map<string, Record<string, FactOrigin>>();
    const failures = new Map<string, string>();
    const limit = pLimit(this.options.concurrency);
    await Promise.all(
      workloads.map(entity =>
        limit(async () => {
          const ref = stringifyEntityRef(entity);
          if (state.tripped || run.signal?.aborted) {
            failures.set(ref, state.tripped ?? 'the run stopped');
            return;
          }
          let latest;
          try {
            latest = await this.options.reader.latestFacts(
              ref,
              this.retrievers,
              run.signal,
            );
          } catch (error) {
            state.tripped ??= describe(error, this.options.timeoutMs);
            failures.set(ref, state.tripped);
            return;
          }
          const found: WorkloadFacts = {};
          const from: Record<string, FactOrigin> = {};
          for (const [name, { retriever, fact }] of Object.entries(
            this.options.facts,
          )) {
            const stored = latest[retriever];
            const value = asFact(stored?.facts?.[fact]);
            if (value === undefined) continue;
            const id = techInsightsFactId(name);
            found[id] = value;
            from[id] = {
              source: 'tech-insights',
              // Tech Insights answers a null timestamp when it cannot parse the stored one
              // (SQLite's text dates); the provenance then names the retriever alone.
              from: `Tech Insights ${retriever}: ${fact}${
                stored.timestamp ? `, retrieved ${stored.timestamp}` : ''
              }`,
            };
          }
          if (Object.keys(found).length > 0) {
            facts.set(ref, found);
            origins.set(ref, from);
          }
        }),
      ),
    );
    return { facts, origins, failures };
  }
}
