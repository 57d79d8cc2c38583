import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityFactCollectorsExtensionPoint } from '@internal/plugin-maturity-node';
import { TechInsightsClient } from './TechInsightsClient';
import { TechInsightsFactCollector } from './TechInsightsFactCollector';
import { readTechInsightsConfig } from './readConfig';

/**
 * Adds the facts of an organisation's Tech Insights fact retrievers to maturity runs, so checks
 * can read what those retrievers already collect (`maturity.techInsights.facts`).
 * @public
 */
export const maturityModuleTechInsights = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'tech-insights',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityFactCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ collectors, config, discovery, auth, logger }) {
        const settings = readTechInsightsConfig(config);
        if (!settings) {
          logger.info(
            'maturity.techInsights is not configured; no Tech Insights facts are read',
          );
          return;
        }
        collectors.addFactCollector(
          new TechInsightsFactCollector({
            ...settings,
            reader: new TechInsightsClient({ discovery, auth, ...settings }),
          }),
        );
      },
    });
  },
});
