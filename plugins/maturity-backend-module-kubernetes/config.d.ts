export interface Config {
  maturity?: {
    /** Where the Kubernetes module reads workloads from. */
    kubernetes?: {
      /** Live clusters, read with a service-account token that may list workloads cluster-wide. */
      clusters?: Array<{
        /** A short name, shown in errors and staleness notes. */
        name: string;
        /** The API server URL, e.g. https://k8s.example.com:6443. */
        url: string;
        /** @visibility secret */
        serviceAccountToken?: string;
        /** Base64 PEM of the cluster CA. */
        caData?: string;
        skipTLSVerify?: boolean;
      }>;
      /**
       * Recorded API responses instead of live clusters (the demo): one directory per cluster
       * holding `<resource>.json` List objects. Relative paths start at the backend's directory.
       * Ignored when live clusters are configured.
       */
      recorded?: {
        directory: string;
      };
      /** Objects per list page. Default 500. */
      pageSize?: number;
      /**
       * Facts of your own, each a JSONPath over the workload's controllers (Deployments,
       * StatefulSets, DaemonSets), reported as `kubernetes.<name>`: the first controller's value
       * (a list by its length), or with `exists: true` whether it matches on every controller.
       */
      facts?: {
        [name: string]: {
          path: string;
          exists?: boolean;
        };
      };
      /** Server-side timeout of one list call, in seconds. Default 30. */
      timeoutSeconds?: number;
    };
  };
}
