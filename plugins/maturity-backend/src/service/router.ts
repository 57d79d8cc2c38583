import {
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  DIMENSIONS,
  LeaderboardResponse,
  maturityBudgetManagePermission,
  maturityInitiativeManagePermission,
  maturityRunCreatePermission,
  ModelResponse,
  PracticeCase,
} from '@internal/plugin-maturity-common';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Initiatives } from '../initiatives/Initiatives';
import { Budgets } from '../budgets/Budgets';
import { scopesHolding } from '../initiatives/scopesHolding';
import express from 'express';
import { InputError } from '@backstage/errors';
import { SnapshotStore } from '../database/SnapshotStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { ScoringModel } from '../config/readMaturityConfig';
import { SCORING_TASK_ID } from '../scoringTask';
import { getCostHistory, getCosts } from './costs';
import { getHeatmap, getInsight } from './insight';
import {
  heatmapCsv,
  initiativeCsv,
  leaderboardCsv,
  sendCsv,
  wantsCsv,
} from './csvAnswer';
import { suggestCases } from './practices';
import { listWorkloads } from './workloads';
import {
  encodeAnswer,
  encodedBytes,
  encodeRoundedAnswer,
  sendAnswer,
} from './encodedAnswer';
import { roundFigures } from './roundFigures';
import { SnapshotResponseCache } from './SnapshotResponseCache';
import { EntityReadAccess, ReadScope } from './EntityReadAccess';
import {
  readableOf,
  requireReadable,
  withReadableFixes,
  withReadableCostParts,
  withReadableMembers,
  withReadableRows,
} from './restrictAnswer';
import { parseRange, parseWindow, refuseNul } from './parseQuery';
import {
  getEntityLabels,
  getHistory,
  getLeaderboard,
  getScorecard,
  leaderboardPage,
  snapshotRef,
} from './scorecards';

/** Builds the plugin's HTTP router; requests are validated against `openapi.yaml`. */
export async function createRouter(options: {
  snapshots: SnapshotStore;
  model: ScoringModel;
  cases: PracticeCase[];
  currency: string;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Decides what each caller may read of the catalog. */
  access: EntityReadAccess;
  /** Starts a run outside the scheduler, when its claim on the task outlived a dead process. */
  runNow: () => void;
  scheduler: SchedulerService;
  /** The answers cache, when something else (the runner) needs it too. */
  answers?: SnapshotResponseCache<SnapshotStore>;
  initiatives: Initiatives;
  /** The monthly budgets: declared in config and set through the API. */
  budgets: Budgets;
}): Promise<express.Router> {
  const {
    snapshots,
    model,
    cases,
    currency,
    httpAuth,
    permissions,
    access,
    scheduler,
    runNow,
    initiatives,
    budgets,
  } = options;
  const router = await createOpenApiRouter();
  // Read routes answer from the current snapshot; see SnapshotResponseCache. Answers are kept
  // encoded (see encodeAnswer): a leaderboard of thousands of teams is serialised, hashed and
  // gzipped once per snapshot, not per request, and a client that has it already gets 304.
  const cache = options.answers ?? new SnapshotResponseCache(snapshots);
  const reads = cache.reader();
  // Every answer is computed whole, from the snapshot, and cached under its URL; what a caller
  // may read decides what of it they are sent. A caller who may read the whole catalog gets the
  // shared, encoded answer. Anyone else gets it cut to what the catalog shows them, encoded for
  // them alone and never cached, so no cached answer reaches a caller who may not read all of it.
  // Decided once per request: the cache's fast path and the route may both ask.
  const scopeOf = async (req: object, res: object): Promise<ReadScope> => {
    const { locals } = res as express.Response;
    locals.readScope ??= await access.scopeOf(req as express.Request);
    return locals.readScope;
  };
  const sendCached = async <T>(
    req: object,
    res: object,
    compute: () => Promise<T>,
    restrict: (scope: ReadScope, answer: T) => Promise<T> = async (
      _scope,
      answer,
    ) => answer,
    /** What else the answer depends on besides the URL and the snapshot (a budget). */
    variant = '',
  ) => {
    // The typed router's request and response take objects only; this body is serialised already.
    const request = req as express.Request;
    const response = res as express.Response;
    const scope = await scopeOf(request, response);
    const answer = await cache.get(
      `${request.originalUrl}\u0000${variant}`,
      async () => encodeAnswer(await compute()),
      encodedBytes,
    );
    if (scope.all) {
      sendAnswer(request, response, answer);
    } else {
      // Parsed from the encoded answer, whose figures are rounded; restricting only leaves rows out.
      const whole = JSON.parse(answer.body.toString('utf8')) as T;
      sendAnswer(
        request,
        response,
        await encodeRoundedAnswer(await restrict(scope, whole)),
      );
    }
  };
  /** Sends an entity's answer, or the 404 of an unknown entity when the caller may not read it. */
  const sendEntity = async <T extends object>(
    req: { params: { kind: string; namespace: string; name: string } },
    res: object,
    compute: (ref: string) => Promise<T>,
    restrict: (scope: ReadScope, answer: T) => Promise<T> = withReadableMembers,
    variant?: string,
  ) => {
    for (const [name, value] of Object.entries(req.params))
      refuseNul(`path parameter ${name}`, value);
    const ref = stringifyEntityRef(req.params);
    await requireReadable(await scopeOf(req, res), ref);
    await sendCached(req, res, () => compute(ref), restrict, variant);
  };
  const sendScorecard = (
    req: { params: { kind: string; namespace: string; name: string } },
    res: object,
  ) => sendEntity(req, res, ref => getScorecard(reads, ref));
  // What every request passes before its route: a NUL character in any parameter is malformed,
  // on SQLite and PostgreSQL alike (the validator lets it through).
  const api = express.Router();
  api.use((req, _res, next) => {
    for (const [name, value] of Object.entries(req.query))
      refuseNul(`query parameter ${name}`, value);
    next();
  });
  // Every entity's label at once is for the catalog module, which asks as a service.
  api.get('/v1/labels', (req, _res, next) => {
    httpAuth.credentials(req, { allow: ['service'] }).then(() => next(), next);
  });
  api.use(router);
  // Anything no route matched (an unknown path, or a known one with another method) gets
  // Backstage's error body like every other failure, not express's empty 404.
  api.use((req, _res, next) => {
    next(
      new NotFoundError(
        `No such maturity API route: ${req.method} ${req.baseUrl}${req.path}`,
      ),
    );
  });
  router.use(express.json());

  // A load balancer asks often, and there is nothing to read.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/workloads', async (req, res) => {
    const { offset, limit, ...filter } = req.query;
    const scope = await scopeOf(req, res);
    res.json(
      roundFigures(
        await listWorkloads(reads, await reads.getCurrentSnapshot(), {
          filter,
          offset,
          limit,
          readable: rows => readableOf(scope, rows),
        }),
      ),
    );
  });

  router.get('/v1/model', (_req, res) => {
    const body: ModelResponse = {
      dimensions: [...DIMENSIONS],
      levels: model.levels,
      checks: model.checks,
      weights: model.weights,
      unknownAsZero: model.unknownAsZero,
      declaredFacts: model.declaredFacts,
    };
    res.json(body);
  });

  // Reached with a query only (see `api`), which the validator refuses unless it is empty.
  router.get('/v1/scorecards/:kind/:namespace/:name', sendScorecard);

  router.get(
    '/v1/scorecards/:kind/:namespace/:name/history',
    async (req, res) => {
      const { from, to } = parseRange(req.query);
      await sendEntity(req, res, ref => getHistory(reads, ref, { from, to }));
    },
  );

  router.get('/v1/leaderboard', async (req, res) => {
    const level = req.query.level ?? 'department';
    const window = req.query.window ?? '30d';
    const windowMs = parseWindow(window);
    const department = req.query.department;
    if (department && level === 'platform') {
      throw new InputError(
        'Invalid query parameter department: platforms are not in departments; leave it out with level=platform',
      );
    }
    const by = req.query.by ?? 'score';
    const { q, offset = 0, limit } = req.query;
    // Pages and searches of one leaderboard share its ranking, computed once per snapshot.
    const board = `leaderboard\u0000${level}\u0000${by}\u0000${window}\u0000${
      department ?? ''
    }`;
    const ranking = () =>
      cache.get(board, () =>
        getLeaderboard(reads, {
          level,
          by,
          currency,
          window,
          windowMs,
          department,
          now: new Date(),
        }),
      );
    const scope = await scopeOf(req, res);
    if (wantsCsv(req)) {
      const visible: LeaderboardResponse = scope.all
        ? await ranking()
        : await withReadableRows(scope, await ranking());
      const page = leaderboardPage(visible, { q, offset, limit });
      sendCsv(res, `leaderboard-${level}-by-${by}.csv`, leaderboardCsv(page));
    } else if (scope.all) {
      await sendCached(req, res, async () =>
        leaderboardPage(await ranking(), { q, offset, limit }),
      );
    } else {
      // Rows are left out before paging, so a page is full and `total` counts what the caller sees.
      const answer = await encodeAnswer(
        leaderboardPage(await withReadableRows(scope, await ranking()), {
          q,
          offset,
          limit,
        }),
      );
      sendAnswer(
        req as unknown as express.Request,
        res as unknown as express.Response,
        answer,
      );
    }
  });

  router.get('/v1/insight/:kind/:namespace/:name', async (req, res) => {
    await sendEntity(
      req,
      res,
      ref => getInsight(reads, ref, model),
      withReadableFixes,
    );
  });

  router.get('/v1/heatmap', async (req, res) => {
    const level = req.query.level ?? 'department';
    const department = req.query.department;
    if (level === 'team' && !department)
      throw new InputError(
        "Invalid query parameter department: level=team shows one department's teams; name the department, e.g. department=group:default/search",
      );
    if (level !== 'team' && department)
      throw new InputError(
        `Invalid query parameter department: only level=team is cut by department; leave it out with level=${level}`,
      );
    const scope = await scopeOf(req, res);
    // Only a department the caller may read is shown by its teams.
    if (department) await requireReadable(scope, department);
    const whole = await cache.get(
      `heatmap\u0000${level}\u0000${department ?? ''}`,
      () => getHeatmap(reads, { level, department }, model),
    );
    const map = scope.all
      ? whole
      : { ...whole, rows: await readableOf(scope, whole.rows) };
    if (wantsCsv(req)) {
      sendCsv(res, `heatmap-${level}.csv`, heatmapCsv(map));
      return;
    }
    res.vary('Accept');
    res.json(roundFigures(map));
  });

  router.get('/v1/costs/:kind/:namespace/:name', async (req, res) => {
    const window = req.query.window ?? '30d';
    // Read on every request, and part of the answer's cache key: a budget set on any replica
    // shows at once, though the snapshot it is forecast from has not changed.
    const budget = await budgets.monthlyOf(stringifyEntityRef(req.params));
    await sendEntity(
      req,
      res,
      ref =>
        getCosts(reads, ref, { window, currency, now: new Date(), budget }),
      withReadableCostParts,
      `budget ${budget ?? 'none'}`,
    );
  });

  router.get('/v1/costs/:kind/:namespace/:name/history', async (req, res) => {
    const range = parseRange(req.query);
    await sendEntity(req, res, ref =>
      getCostHistory(reads, ref, { ...range, currency }),
    );
  });

  router.get('/v1/practices', (req, res) => {
    const { dimension, category, industry } = req.query;
    const items = cases.filter(
      c =>
        (!dimension || c.dimensions.includes(dimension)) &&
        (!category || c.category === category) &&
        (!industry ||
          c.industry
            .toLocaleLowerCase('en-US')
            .includes(industry.toLocaleLowerCase('en-US'))),
    );
    res.json({ items });
  });

  router.get('/v1/practices/:kind/:namespace/:name', async (req, res) => {
    await sendEntity(req, res, ref =>
      suggestCases(reads, ref, cases, model.checks),
    );
  });

  router.get('/v1/labels', async (req, res) => {
    await sendCached(req, res, () => getEntityLabels(reads));
  });

  router.get('/v1/runs', async (_req, res) => {
    // A run whose process died shows as failed within its lease, whoever looks.
    await snapshots.failDeadRuns(new Date());
    const runs = await snapshots.listRuns(20);
    res.json({
      items: runs.map(r => ({
        id: r.id,
        status: r.status,
        ...(r.error ? { error: r.error } : {}),
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt.toISOString(),
        workloads: r.workloads,
      })),
    });
  });

  /** Refuses a caller the policy does not grant `permission`, naming it. */
  const requirePermission = async (
    req: object,
    permission: BasicPermission,
    what: string,
  ) => {
    const credentials = await httpAuth.credentials(req as express.Request);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(
        `${what} needs the ${permission.name} permission`,
      );
  };

  router.get('/v1/initiatives', async (req, res) => {
    const scope = await scopeOf(req, res);
    const snapshot = await reads.getCurrentSnapshot();
    const entity = req.query.entity;
    const within =
      entity && snapshot
        ? new Set(await scopesHolding(reads, snapshot, entity))
        : undefined;
    const all = (await initiatives.list()).filter(
      i => !within || within.has(i.scope),
    );
    const readable = await readableOf(
      scope,
      all.map(i => ({ ...i, ref: i.scope })),
    );
    res.json(
      roundFigures({
        items: await Promise.all(
          readable.map(({ ref: _, ...i }) =>
            initiatives.withProgress(i, snapshot),
          ),
        ),
        snapshot: snapshot ? snapshotRef(snapshot) : null,
      }),
    );
  });

  router.get('/v1/initiatives/:id', async (req, res) => {
    refuseNul('path parameter id', req.params.id);
    const scope = await scopeOf(req, res);
    const detail = await initiatives.detail(req.params.id, new Date());
    if (!scope.all) {
      if (!(await scope.readable([detail.scope])).has(detail.scope))
        throw new NotFoundError(`No initiative '${req.params.id}'`);
      detail.groups = await readableOf(scope, detail.groups);
    }
    if (wantsCsv(req)) {
      sendCsv(res, `initiative-${detail.id}.csv`, initiativeCsv(detail));
      return;
    }
    res.vary('Accept');
    res.json(roundFigures(detail));
  });

  router.post('/v1/initiatives', async (req, res) => {
    await requirePermission(
      req,
      maturityInitiativeManagePermission,
      'Creating an initiative',
    );
    const created = await initiatives.create(req.body, new Date());
    res
      .status(201)
      .json(
        roundFigures(
          await initiatives.withProgress(
            created,
            await reads.getCurrentSnapshot(),
          ),
        ),
      );
  });

  router.put('/v1/initiatives/:id', async (req, res) => {
    await requirePermission(
      req,
      maturityInitiativeManagePermission,
      'Changing an initiative',
    );
    const updated = await initiatives.update(
      req.params.id,
      req.body,
      new Date(),
    );
    res.json(
      roundFigures(
        await initiatives.withProgress(
          updated,
          await reads.getCurrentSnapshot(),
        ),
      ),
    );
  });

  router.delete('/v1/initiatives/:id', async (req, res) => {
    await requirePermission(
      req,
      maturityInitiativeManagePermission,
      'Deleting an initiative',
    );
    await initiatives.delete(req.params.id);
    res.status(204).end();
  });

  router.get('/v1/budgets', async (req, res) => {
    const scope = await scopeOf(req, res);
    const readable = await readableOf(
      scope,
      (await budgets.list()).map(b => ({ ...b, ref: b.group })),
    );
    res.json({ items: readable.map(({ ref: _, ...b }) => b) });
  });

  router.put('/v1/budgets/:kind/:namespace/:name', async (req, res) => {
    await requirePermission(
      req,
      maturityBudgetManagePermission,
      'Setting a budget',
    );
    res.json(
      await budgets.set(
        stringifyEntityRef(req.params),
        req.body.monthly,
        new Date(),
      ),
    );
  });

  router.delete('/v1/budgets/:kind/:namespace/:name', async (req, res) => {
    await requirePermission(
      req,
      maturityBudgetManagePermission,
      'Removing a budget',
    );
    await budgets.remove(stringifyEntityRef(req.params));
    res.status(204).end();
  });

  router.post('/v1/runs', async (req, res) => {
    await requirePermission(
      req,
      maturityRunCreatePermission,
      'Starting a maturity run',
    );
    try {
      await scheduler.triggerTask(SCORING_TASK_ID);
    } catch (error) {
      if (
        !(
          error instanceof ConflictError ||
          (error as Error)?.name === 'ConflictError'
        )
      )
        throw error;
      // The scheduler holds its claim on the task until its timeout even when the process that
      // ran it died; the run's own lease tells whether a run is really in progress.
      await snapshots.failDeadRuns(new Date());
      const live = await snapshots.getLiveRun(new Date());
      if (live)
        throw new ConflictError(
          `A maturity run is already in progress (run ${live.id})`,
        );
      runNow();
    }
    res.status(202).json({ status: 'triggered' });
  });

  return api;
}
