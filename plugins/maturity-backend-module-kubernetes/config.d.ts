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
       * Facts of your own, reported as `kubernetes.<name>`. Each is a JSONPath over the
       * workload's controllers (Deployments, StatefulSets, DaemonSets): the first controller's
       * value (a list by its length), or with `exists: true` whether it matches on every
       * controller. With `resource`, it reads objects of that kind that name the workload
       * instead (docs/kubernetes.md).
       */
      facts?: {
        [name: string]: {
          /** Required unless `resource` and `exists` are given. */
          path?: string;
          exists?: boolean;
          resource?: {
            /** `group/version`, e.g. `keda.sh/v1alpha1`, or `v1`. */
            apiVersion: string;
            /** e.g. `scaledobjects`. */
            plural: string;
            /** JSONPath to the name of the controller the object is about. */
            target?: string;
            /** JSONPath to a `matchLabels` selector of the workload's pods. */
            selector?: string;
          };
        };
      };
      /** Server-side timeout of one list call, in seconds. Default 30. */
      timeoutSeconds?: number;
    };
  };
}
