import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityFactCollectorsExtensionPoint } from '@internal/plugin-maturity-node';
import { KubernetesFactCollector } from './KubernetesFactCollector';
import { readKubernetesConfig } from './readConfig';

/**
 * Adds Kubernetes workload facts (replicas, requests, HPA, probes, spread, PDB…) to maturity runs.
 * @public
 */
export const maturityModuleKubernetes = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'kubernetes',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityFactCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ collectors, config, logger }) {
        const settings = readKubernetesConfig(config);
        collectors.addFactCollector(
          new KubernetesFactCollector({ ...settings, logger }),
        );
      },
    });
  },
});
