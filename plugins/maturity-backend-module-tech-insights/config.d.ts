export interface Config {
  maturity?: {
    /**
     * Facts read from a Tech Insights backend (`@backstage-community/plugin-tech-insights-backend`),
     * so checks can read what its fact retrievers collect. Each is reported as
     * `techInsights.<name>` and counts as declared.
     */
    techInsights?: {
      /** The Tech Insights backend's base URL; default: found through discovery. */
      baseUrl?: string;
      /** By name: the retriever id that writes the fact, and the fact's name in its schema. */
      facts: {
        [name: string]: {
          retriever: string;
          fact: string;
        };
      };
      /** Requests in flight at once (one per workload). Default 10. */
      concurrency?: number;
      /** Timeout of one request, in seconds. Default 30. */
      timeoutSeconds?: number;
    };
  };
}
