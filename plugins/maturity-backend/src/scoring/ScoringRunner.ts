import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createFactCollectionRun,
  FactCollectionRun,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import { CostConfig, ScoringModel } from '../config/readMaturityConfig';
import {
  RetentionPolicy,
  RUN_HEARTBEAT_MS,
  SnapshotDraft,
  SnapshotInfo,
  SnapshotStore,
} from '../database/SnapshotStore';
import { describeRunFailure } from './describeRunFailure';
import { SCORING_TASK_ID } from '../scoringTask';
import { RunPhases } from './RunPhases';
import { Slices } from '../database/Slices';
import { groupsByRef, placeWorkloads } from './placeWorkloads';
import { clusterCosts, readClusterEvidence } from './clusterCosts';
import {
  emptyRollUpInputs,
  WorkloadEvidence,
  workloadRows,
  writeRollUps,
} from './buildSnapshotRows';
import { SeenRefs } from './SeenRefs';
import {
  daysBefore,
  FactHistory,
  PastFacts,
  pastFactsAt,
  withPastFacts,
} from '../history/FactHistory';
import { answeringOnce } from '../history/answeringOnce';
import {
  ExpiringWaiver,
  MaturityNotifier,
} from '../notifications/MaturityNotifier';
import {
  factsFromCollector,
  sourcesByOrigin,
} from '../snapshot/workloadDetail';

/** Id of the scheduled scoring task; `POST /v1/runs` triggers it. */

/**
 * The only fields a run reads of the catalog: a Component's identity, annotations, labels, tags
 * and spec (owner, system, type, lifecycle, providesApis), and a Group's place in the tree.
 * Descriptions, links, relations and the catalog's own bookkeeping stay in the catalog. Fact
 * collectors see Components with these fields.
 */
export const RUN_FIELDS = {
  component: [
    'apiVersion',
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.annotations',
    'metadata.labels',
    'metadata.tags',
    'spec',
  ],
  group: [
    'apiVersion',
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'spec.type',
    'spec.parent',
  ],
};

/** Components read, collected, scored and written at a time (the catalog's own page size). */
const PAGE_SIZE = 500;
/** Workloads scored between two turns of the event loop: ~5–10 ms of scoring. */
const WORKLOADS_PER_SLICE = 50;

const formatDuration = (ms: number) =>
  ms % 60_000 === 0
    ? `${ms / 60_000} minutes`
    : `${Math.round(ms / 1000)} seconds`;

function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted)
    throw signal.reason instanceof Error
      ? signal.reason
      : new Error('The run was stopped');
}

/**
 * One scoring run: read the catalog page by page, collect facts, score and write each page into
 * a draft snapshot, then write the roll-ups and publish the snapshot. A run holds one page's
 * facts and scorecards, one accumulator per group, and a fixed-size filter of the workloads it
 * has scored; nothing per workload: a group's workloads are found through their places, which
 * go to the database with each page. A collector that fails marks its facts stale and
 * falls back to its last good ones; only a failure of the run itself (catalog unreachable,
 * database down) fails it, and then its rows are deleted, the previous snapshot stays current
 * and the failure is recorded.
 */
export class ScoringRunner {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      snapshots: SnapshotStore;
      logger: LoggerService;
      collectors: MaturityFactCollector[];
      model: ScoringModel;
      cost: CostConfig;
      retention: RetentionPolicy;
      /** How long a run may take before it stops itself: below the scheduler's timeout. */
      deadlineMs?: number;
      /** Called once a snapshot is stored and current. */
      onSnapshotSaved?: (snapshot: SnapshotInfo) => void;
      /** Tells owners what a run of today found (not the days of a recorded past). */
      notifier?: MaturityNotifier;
      /** Days before a waiver's last day on which the notifier tells its owner. */
      waiverExpiryDays?: number;
    },
  ) {}

  /**
   * Scores every workload into a new snapshot. `signal` (the scheduler's, or shutdown's) stops
   * the run between pages; it is then recorded as failed with the reason. `past` makes it a
   * snapshot of a day before the first run (see {@link backfill}).
   */
  async run(
    now: Date = new Date(),
    signal?: AbortSignal,
    past?: PastFacts,
  ): Promise<SnapshotInfo> {
    const { snapshots, logger } = this.options;
    const draft = await snapshots.beginSnapshot(new Date());
    // The lease tells other replicas, and this one after a restart, that the run is alive.
    const heartbeat = setInterval(() => {
      draft
        .heartbeat(new Date())
        .catch(error =>
          logger.warn(`Maturity run ${draft.id} heartbeat failed: ${error}`),
        );
    }, RUN_HEARTBEAT_MS);
    heartbeat.unref();
    const stop = new AbortController();
    const stopRun = () =>
      stop.abort(
        new Error(
          'The scheduler stopped the run: its timeout passed, or the backend is shutting down',
        ),
      );
    signal?.addEventListener('abort', stopRun);
    if (signal?.aborted) stopRun();
    const { deadlineMs } = this.options;
    const deadline = deadlineMs
      ? setTimeout(
          () =>
            stop.abort(
              new Error(
                `The run passed its deadline of ${formatDuration(deadlineMs)}`,
              ),
            ),
          deadlineMs,
        )
      : undefined;
    deadline?.unref();
    this.running.add(stop);
    let snapshot: SnapshotInfo;
    const phases = new RunPhases();
    try {
      snapshot = await this.scoreAndStore(
        draft,
        now,
        stop.signal,
        phases,
        past,
      );
    } catch (error) {
      const message = describeRunFailure(error);
      logger.error(
        `Maturity run failed; the previous snapshot stays current: ${message}`,
      );
      await draft.fail(message, new Date());
      throw error;
    } finally {
      clearInterval(heartbeat);
      clearTimeout(deadline);
      signal?.removeEventListener('abort', stopRun);
      this.running.delete(stop);
    }
    this.options.onSnapshotSaved?.(snapshot);
    const pruned = await snapshots.pruneHistory(now, this.options.retention);
    const left = pruned.pending
      ? `, ${pruned.pending} left for the next runs`
      : '';
    const history =
      pruned.deleted || pruned.thinned
        ? `; history: ${pruned.deleted} snapshots deleted, ${pruned.thinned} thinned${left}`
        : '';
    logger.info(
      `Maturity run ${snapshot.id} scored ${
        snapshot.workloads
      } workloads in ${phases.describe()}${history}`,
      {
        phases: phases.seconds(),
      },
    );
    return snapshot;
  }

  /**
   * Writes a recorded past when nothing has been scored yet: a snapshot for each of its days,
   * oldest first and dated that day, each scored by this runner's model from the sources' facts
   * of today with the changes recorded since that day undone. The sources are asked once; each
   * day's run reads their answers again. Returns how many snapshots it wrote.
   */
  async backfill(
    history: FactHistory,
    signal?: AbortSignal,
    today: Date = new Date(),
  ): Promise<number> {
    if (await this.options.snapshots.getCurrentSnapshot()) return 0;
    const replay = new ScoringRunner({
      ...this.options,
      collectors: this.options.collectors.map(answeringOnce),
    });
    for (let daysAgo = history.days; daysAgo >= 1; daysAgo--) {
      await replay.run(
        daysBefore(today, daysAgo),
        signal,
        pastFactsAt(history, daysAgo),
      );
    }
    this.options.logger.info(
      `Maturity history: wrote ${history.days} daily snapshots from the recorded past before the first run`,
    );
    return history.days;
  }

  /**
   * Schedules runs through the scheduler service: with several replicas, one runs each time. The
   * first run writes the recorded past first, if there is one and nothing was scored yet.
   */
  async schedule(
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition,
    history?: FactHistory,
  ) {
    await scheduler.scheduleTask({
      id: SCORING_TASK_ID,
      ...schedule,
      fn: async signal => {
        if (history) await this.backfill(history, signal);
        await this.run(new Date(), signal);
      },
    });
  }

  /**
   * Stops the runs in progress on this replica and waits until each is recorded as failed: the
   * backend is shutting down (a rolling deploy), and a run left behind would hold its lease.
   */
  async stop(timeoutMs = 20_000): Promise<void> {
    for (const stop of this.running)
      stop.abort(new Error('The backend shut down during the run'));
    // A run stops between pages; one stuck in a source past the timeout is left to its lease.
    const until = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < until)
      await new Promise(r => setTimeout(r, 50));
  }

  private readonly running = new Set<AbortController>();

  private async scoreAndStore(
    draft: SnapshotDraft,
    now: Date,
    signal: AbortSignal,
    phases: RunPhases,
    past?: PastFacts,
  ): Promise<SnapshotInfo> {
    const { auth, snapshots, model, cost } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const groups = new Map<string, GroupEntity>();
    for await (const page of phases.pages(
      'catalog',
      this.pagesOf('group', credentials),
    )) {
      for (const [ref, group] of groupsByRef(page)) groups.set(ref, group);
    }
    const current = await snapshots.getCurrentSnapshot();
    // Collectors see the run's stop signal, to stop asking their sources when it fires.
    const run = createFactCollectionRun(now, signal);
    const warned = new Set<string>();
    const seen = new SeenRefs();
    const groupRefs = new Map<string, string>();
    const rollUp = emptyRollUpInputs(
      model,
      past ? 0 : this.options.waiverExpiryDays,
    );
    // The next page is read and collected while the database finishes writing the last one.
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const page of phases.pages(
        'catalog',
        this.pagesOf('component', credentials),
      )) {
        throwIfStopped(signal);
        const evidence = new Map<string, WorkloadEvidence>();
        const maybeSeen: string[] = [];
        for (const entity of page) {
          const ref = stringifyEntityRef(entity);
          if (evidence.has(ref)) continue;
          if (seen.add(ref)) maybeSeen.push(ref);
          evidence.set(ref, {
            entity,
            sources: [],
            staleFacts: new Set(),
            staleSources: [],
            problems: [],
          });
        }
        // The catalog may change between pages, and list a workload again; it is scored once.
        if (maybeSeen.length > 0) {
          const previous = writing;
          await phases.time('writing', () => previous);
          for (const ref of await draft.hasWorkloads(maybeSeen))
            evidence.delete(ref);
        }
        const components = [...evidence.values()].map(e => e.entity);
        await this.collectFacts(
          components,
          evidence,
          run,
          current,
          warned,
          phases,
        );
        if (past)
          for (const [ref, item] of evidence)
            item.sources = withPastFacts(ref, item.sources, past);
        const placed = phases.timeSync('scoring', () =>
          placeWorkloads(components, groups, groupRefs),
        );
        // Scored and serialised while the last page is written, in slices between which the
        // event loop sends that page on to the database; written once the last page is.
        const rows = new Slices(
          workloadRows({
            workloads: placed,
            evidence,
            model,
            cost,
            now,
            rollUp,
            names: draft.names,
          }),
          WORKLOADS_PER_SLICE,
        );
        const previous = writing;
        const written = draft.addRows(rows);
        writing = written;
        // Handled here and thrown at the next await: a failure must not be an unhandled rejection.
        written.catch(() => {});
        // A page that fails to score or serialise fails its write at once.
        await phases.time('scoring', () => Promise.race([rows.read, written]));
        await phases.time('writing', () => previous);
      }
    } finally {
      // No page may still be writing when a failed run deletes its rows.
      await writing.catch(() => {});
    }
    await phases.time('writing', () => writing);
    throwIfStopped(signal);
    // The clusters were listed for the pages: their machines and nodes' use are asked for once.
    const clusters = await phases.time('clusters', async () =>
      clusterCosts(
        await readClusterEvidence(
          this.options.collectors,
          run,
          this.options.logger,
        ),
        rollUp.clusterRequests,
        cost,
      ),
    );
    await phases.time('roll-up', () => writeRollUps(rollUp, draft, clusters));
    await phases.time('writing', () =>
      draft.addClusterCosts(
        [...clusters.byPlatform.values()].map(c => ({
          cluster: c.cluster,
          hourlyCost: c.hourlyCost.total,
          allocatedHourlyCost: c.allocatedHourlyCost.total,
          idleHourlyCost: c.idleHourlyCost.total,
        })),
      ),
    );
    // A day of the past is dated that day; a run of today when it finishes.
    const snapshot = await phases.time('writing', () =>
      past ? draft.publish(now, now) : draft.publish(new Date()),
    );
    if (!past) await this.notify(current, snapshot, rollUp.expiringWaivers);
    return snapshot;
  }

  /** Tells owners what the run found; a failure to is logged, and never fails the run. */
  private async notify(
    previous: SnapshotInfo | undefined,
    current: SnapshotInfo,
    expiringWaivers: ExpiringWaiver[],
  ): Promise<void> {
    const { notifier, logger } = this.options;
    if (!notifier) return;
    try {
      await notifier.afterRun({
        previous,
        current,
        expiringWaivers,
        now: new Date(),
      });
    } catch (error) {
      logger.warn(
        `Maturity notifications of run ${current.id} failed: ${error}`,
      );
    }
  }

  private pagesOf(
    kind: 'component' | 'group',
    credentials: BackstageCredentials,
  ): AsyncIterable<Entity[]> {
    return this.options.catalog.streamEntities(
      { filter: { kind }, fields: RUN_FIELDS[kind], pageSize: PAGE_SIZE },
      { credentials },
    );
  }

  private async collectFacts(
    components: Entity[],
    evidence: Map<string, WorkloadEvidence>,
    run: FactCollectionRun,
    current: SnapshotInfo | undefined,
    /** Collectors already warned about in this run: one warning a source, not one a page. */
    warned: Set<string>,
    phases: RunPhases,
  ): Promise<void> {
    const { collectors, logger } = this.options;
    for (const collector of collectors) {
      let result;
      try {
        result = await phases.time(`collector ${collector.id}`, () =>
          collector.collect(components, run),
        );
      } catch (error) {
        // Logged below, with any other failure of this collector, once a run.
        const reason = error instanceof Error ? error.message : String(error);
        result = {
          facts: new Map(),
          failures: new Map([...evidence.keys()].map(ref => [ref, reason])),
        };
      }
      const [firstFailure] = result.failures?.values() ?? [];
      if (firstFailure !== undefined && !warned.has(collector.id)) {
        warned.add(collector.id);
        logger.warn(
          `Maturity fact collector '${collector.id}' could not read some workloads; they keep their last facts, marked stale: ${firstFailure}`,
        );
      }
      const previous = result.failures?.size
        ? await this.previousFacts(collector.id, current, [
            ...result.failures.keys(),
          ])
        : new Map();
      for (const [ref, item] of evidence) {
        const failure = result.failures?.get(ref);
        if (failure !== undefined) {
          const last = previous.get(ref);
          const since = last?.collectedAt.toISOString();
          item.staleSources.push({
            collector: collector.id,
            reason: failure,
            ...(since ? { since } : {}),
          });
          if (last) {
            for (const source of last.sources) {
              item.sources.push({ ...source, at: since! });
              for (const id of Object.keys(source.facts))
                item.staleFacts.add(id);
            }
          }
          continue;
        }
        const facts = result.facts.get(ref);
        if (facts)
          item.sources.push(
            ...sourcesByOrigin(
              collector,
              facts,
              result.origins?.get(ref),
              result.origin?.get(ref),
            ),
          );
        item.problems.push(...(result.problems?.get(ref) ?? []));
      }
    }
  }

  /** What a collector gave these workloads in the current snapshot: its fallback when it fails. */
  private async previousFacts(
    collector: string,
    current: SnapshotInfo | undefined,
    refs: string[],
  ) {
    const found = new Map<
      string,
      NonNullable<ReturnType<typeof factsFromCollector>>
    >();
    if (!current) return found;
    const rows = await this.options.snapshots.getScores(current.id, {
      levelKind: 'workload',
      refs,
    });
    for (const row of rows) {
      const facts = factsFromCollector(row.detail, collector, current);
      if (facts) found.set(row.ref, facts);
    }
    return found;
  }
}
