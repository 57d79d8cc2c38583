export interface Config {
  maturity?: {
    /** Where the Prometheus module reads real load from: a server (`url`) or recordings. */
    prometheus?: {
      /** Base URL of the Prometheus server, e.g. http://prometheus:9090. */
      url?: string;
      /** Extra request headers, e.g. a tenant id. */
      headers?: { [name: string]: string };
      /** @visibility secret */
      bearerToken?: string;
      /** Per-request timeout. Default 30. */
      timeoutSeconds?: number;
      /** Resolution of range queries. Default 60 (1-minute samples). */
      stepSeconds?: number;
      /** Window the percentiles cover. Default 7. */
      lookbackDays?: number;
      /** Workloads queried at the same time. Default 4. */
      concurrency?: number;
      /**
       * Recorded query results instead of a server (the demo); relative to the backend's
       * directory. Ignored when `url` is set.
       */
      recorded?: {
        directory: string;
      };
    };
  };
}
