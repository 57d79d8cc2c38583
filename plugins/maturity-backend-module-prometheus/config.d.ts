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
      /** Per-query timeout; each query covers many workloads. Default 120. */
      timeoutSeconds?: number;
      /** Resolution of the subqueries the percentiles and means run over. Default 300 (5 minutes). */
      stepSeconds?: number;
      /** Window the percentiles cover. Default 7. */
      lookbackDays?: number;
      /** Queries in flight at once. Default 2. */
      concurrency?: number;
      /**
       * The most samples one query may hold: set it to the server's `--query.max-samples`.
       * Workloads are split into shards of namespaces so that no subquery holds more. Default 50000000.
       */
      maxSamplesPerQuery?: number;
      /** Workloads with their own selector asked in one query. Default 50, at most 500. */
      selectorsPerQuery?: number;
      /**
       * Whether the server runs the module's recording rules (docs/prometheus.md), so statistics
       * of workloads by owner read stored per-workload series instead of evaluating subqueries.
       * Recommended past a few thousand workloads. Default false.
       */
      recordingRules?: boolean;
      /**
       * The label of node exporter's series that names the node, for the clusters' node
       * signals: its value (a port dropped) is matched to a node's name or address. Default
       * `instance`.
       */
      nodeLabel?: string;
      /**
       * Facts of your own, each a PromQL query asked once a run: its series carry `namespace`
       * and `workload` labels, and `$owners` stands for the pod → workload map (docs/prometheus.md).
       * Reported as `prometheus.<name>`, which checks in maturity.customChecks may read.
       */
      facts?: {
        [name: string]: {
          query: string;
        };
      };
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
