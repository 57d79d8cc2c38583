import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the cloud-native maturity suite. */
  maturity?: {
    inventory?: {
      /**
       * How often the workload inventory is rebuilt from the catalog.
       * Defaults to every 5 minutes with a 3 minute timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
