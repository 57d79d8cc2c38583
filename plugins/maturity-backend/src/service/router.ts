import { WorkloadListResponse } from '@internal/plugin-maturity-common';
import { coreWeight } from '@internal/plugin-maturity-common';
import express from 'express';
import { MaturityStore } from '../database/MaturityStore';
import { createOpenApiRouter } from '../schema/openapi.generated';

/** Builds the plugin's HTTP router; requests are validated against `openapi.yaml`. */
export async function createRouter(options: {
  store: MaturityStore;
}): Promise<express.Router> {
  const { store } = options;
  const router = await createOpenApiRouter();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/workloads', async (req, res) => {
    const { product, team, department, company } = req.query;
    const [items, refreshedAt] = await Promise.all([
      store.listWorkloads({ product, team, department, company }),
      store.getInventoryRefreshedAt(),
    ]);
    const body: WorkloadListResponse = {
      items,
      unweighted: items.filter(w => coreWeight(w.cores) === 0).length,
      refreshedAt: refreshedAt?.toISOString() ?? null,
    };
    res.json(body);
  });

  return router;
}
