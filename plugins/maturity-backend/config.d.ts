import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** Capabilities a platform offers its workloads; each feeds one platform-side check. */
interface PlatformProfile {
  /** Workloads share clusters (pooled buffers, mixed deployment, peak shifting). */
  sharedCluster?: boolean;
  /** Idle node capacity is over-committed. */
  overcommit?: boolean;
  /** Empty nodes go back to the pool. */
  clusterAutoscaling?: boolean;
  /** Pods are rescheduled to defragment nodes. */
  rescheduling?: boolean;
  /** Batch work is co-located with online services. */
  colocation?: boolean;
  /** Metrics, logs and traces are attached without code. */
  autoInstrumentation?: boolean;
  /** Admission policies enforce image and workload rules. */
  admissionPolicies?: boolean;
  /** Runtime threat detection with automated response. */
  runtimeProtection?: boolean;
  /** Compute is separated from storage. */
  storageSeparation?: boolean;
  /** A shared build, test and release platform. */
  sharedDelivery?: boolean;
}

export interface Config {
  /** Configuration of the cloud-native maturity suite. */
  maturity?: {
    /**
     * How often workloads are scored. Runs go through the scheduler service, so with several
     * backend replicas one of them runs each time. Default: hourly, 15 minute timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Relative weights of the platform and business scores. Default 0.5 / 0.5. */
    weights?: {
      platform: number;
      business: number;
    };
    /** Count checks whose facts are unknown as 0 instead of leaving them out. Default false. */
    unknownAsZero?: boolean;
    /** Per-check overrides, by check id (see GET /api/maturity/v1/model). */
    checks?: {
      [checkId: string]: {
        enabled?: boolean;
        /** Positive relative weight within the check's side. */
        weight?: number;
        /** Replaces the target (atLeast rules) or limit (atMost rules). */
        threshold?: number;
      };
    };
    /** How long history is kept. */
    history?: {
      /** Days in which every snapshot keeps its full detail. Default 30. */
      detailDays?: number;
      /** Days in which one snapshot per day is kept. Default 730. */
      retainDays?: number;
    };
    /** Best-practice cases. */
    practices?: {
      /**
       * YAML files of the organisation's own cases, each a list in the shape of the built-in ones
       * (see docs/cases.md). Relative paths start at the backend's directory.
       */
      files?: string[];
    };
    /**
     * What each platform offers, by name. Workloads use the one named by their
     * `maturity.cloudnative.dev/platform` annotation, else `default`.
     */
    platforms?: {
      [name: string]: PlatformProfile;
    };
  };
}
