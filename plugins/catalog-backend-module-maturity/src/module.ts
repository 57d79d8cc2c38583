import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MaturityAnnotationProcessor } from './MaturityAnnotationProcessor';

/**
 * Catalog module that validates the maturity suite's annotations on every entity.
 * @public
 */
export const catalogModuleMaturity = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'maturity',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new MaturityAnnotationProcessor());
      },
    });
  },
});
