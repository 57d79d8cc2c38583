import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MaturityAnnotationProcessor } from './MaturityAnnotationProcessor';
import { MaturityLabelSource } from './MaturityLabelSource';

/**
 * Catalog module that validates the maturity suite's annotations on every entity and labels
 * scored entities with their maturity level and score.
 * @public
 */
export const catalogModuleMaturity = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'maturity',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
      },
      async init({ catalog, auth, discovery, logger }) {
        const labels = new MaturityLabelSource({ auth, discovery, logger });
        catalog.addProcessor(new MaturityAnnotationProcessor(labels, logger));
      },
    });
  },
});
