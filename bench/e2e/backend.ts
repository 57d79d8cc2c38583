/**
 * The backend the end-to-end benchmark runs (`bench/e2e.ts` starts it in a process of its own):
 * Backstage's own backend with the catalog on its database, the maturity plugin and its
 * Kubernetes and Prometheus modules, configured by the `--config` files it is given. With
 * `bench.load` set, a catalog entity provider applies the fleet's Groups, Systems and Components in
 * one full mutation; without it, the provider leaves the catalog as it is.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  DEPARTMENTS,
  departmentOf,
  namespaceOf,
  nameOf,
  productOf,
  teamOf,
  WORKLOADS_PER_PRODUCT,
  WORKLOADS_PER_TEAM,
} from './fleet';
import { entity as catalogEntity } from '../../plugins/maturity-backend/src/__testUtils__/entities';

const LOCATION = 'bench-fleet:generated';

function fleetEntities(n: number): Entity[] {
  const managed = {
    'backstage.io/managed-by-location': LOCATION,
    'backstage.io/managed-by-origin-location': LOCATION,
  };
  const entity = (
    kind: string,
    name: string,
    spec: object,
    annotations: Record<string, string> = {},
  ): Entity => catalogEntity(kind, name, spec, { ...managed, ...annotations });
  const teams = Math.ceil(n / WORKLOADS_PER_TEAM);
  const products = Math.ceil(n / WORKLOADS_PER_PRODUCT);
  return [
    entity('Group', 'acme', { type: 'organization', children: [] }),
    ...Array.from({ length: DEPARTMENTS }, (_, d) =>
      entity('Group', `department-${d}`, {
        type: 'department',
        parent: 'acme',
        children: [],
      }),
    ),
    ...Array.from({ length: teams }, (_, t) =>
      entity('Group', `team-${t}`, {
        type: 'team',
        parent: `department-${departmentOf(t)}`,
        children: [],
      }),
    ),
    ...Array.from({ length: products }, (_, p) =>
      entity('System', `product-${p}`, {
        owner: `team-${teamOf(p * WORKLOADS_PER_PRODUCT)}`,
      }),
    ),
    ...Array.from({ length: n }, (_, i) =>
      entity(
        'Component',
        nameOf(i),
        {
          type: 'service',
          lifecycle: 'production',
          owner: `team-${teamOf(i)}`,
          system: `product-${productOf(i)}`,
        },
        {
          'backstage.io/kubernetes-id': nameOf(i),
          'backstage.io/kubernetes-namespace': namespaceOf(i),
        },
      ),
    ),
  ];
}

const fleetProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench-fleet',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const load = config.getOptionalNumber('bench.load');
        catalog.addEntityProvider({
          getProviderName: () => 'bench-fleet',
          async connect(connection) {
            if (!load) return;
            const entities = fleetEntities(load).map(entity => ({
              entity,
              locationKey: LOCATION,
            }));
            await connection.applyMutation({ type: 'full', entities });
          },
        });
      },
    });
  },
});

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../../plugins/catalog-backend-module-maturity/src'));
backend.add(fleetProvider);
backend.add(import('../../plugins/maturity-backend/src'));
backend.add(import('../../plugins/maturity-backend-module-kubernetes/src'));
backend.add(import('../../plugins/maturity-backend-module-prometheus/src'));
backend.start();
