import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityFactCollectorsExtensionPoint } from '@internal/plugin-maturity-node';
import { PrometheusFactCollector } from './PrometheusFactCollector';
import { readPrometheusConfig } from './readConfig';

/**
 * Adds real-load facts from Prometheus (CPU and memory percentiles, peaks, OOM kills,
 * utilisation of requests) to maturity runs.
 * @public
 */
export const maturityModulePrometheus = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'prometheus',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityFactCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ collectors, config, logger }) {
        const settings = readPrometheusConfig(config);
        if (!settings.source) {
          logger.info(
            'maturity.prometheus is not configured; real-load facts stay unknown',
          );
          return;
        }
        collectors.addFactCollector(
          new PrometheusFactCollector({ ...settings, source: settings.source }),
        );
      },
    });
  },
});
