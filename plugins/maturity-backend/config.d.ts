import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

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
  /** Workloads are scheduled across clusters (federation). */
  crossClusterScheduling?: boolean;
  /** Bursts overflow onto serverless pods. */
  serverlessCapacity?: boolean;
  /** Data services scale between peak and trough. */
  elasticDataServices?: boolean;
  /** The data stores' own metrics are alerted on. */
  dataStoreAlerting?: boolean;
}

export interface Config {
  /** Configuration of the cloud-native maturity suite. */
  maturity?: {
    /**
     * How often workloads are scored. Runs go through the scheduler service, so with several
     * backend replicas one of them runs each time. Default: hourly, 15 minute timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * How long a run may take before it stops itself, recording why, with its sources asked no
     * further; shorter than `schedule.timeout`. Default: four fifths of it (12 minutes).
     */
    runDeadline?: HumanDuration | string;
    /** Relative weights of the platform and business scores. Default 0.5 / 0.5. */
    weights?: {
      platform: number;
      business: number;
    };
    /** Count checks whose facts are unknown as 0 instead of leaving them out. Default false. */
    unknownAsZero?: boolean;
    /**
     * The operator's own checks, in the format the default checks are written in (see
     * docs/scoring.md): a rule reads one fact a collector reports, or combines rules with `all`
     * or `any` (`rules`, each of the same shape). Validated at start-up; an error names the key.
     */
    customChecks?: Array<{
      id: string;
      title: string;
      dimension:
        | 'development'
        | 'compute'
        | 'architecture'
        | 'data'
        | 'security';
      side: 'platform' | 'business';
      weight: number;
      rule: {
        kind:
          | 'true'
          | 'false'
          | 'atLeast'
          | 'atMost'
          | 'between'
          | 'all'
          | 'any';
        fact?: string;
        /** For `all` and `any`: two or more rules of this shape. */
        rules?: object[];
        target?: number;
        limit?: number;
        zeroAt?: number;
        min?: number;
        max?: number;
      };
      appliesTo?: { facts: string[]; values: string[] };
      rationale: string;
      remediation: string;
      cases?: string[];
    }>;
    /** YAML files of checks, each `checks: [...]` in the format of customChecks. */
    customCheckFiles?: string[];
    /**
     * Check sets for kinds of workload: the first whose `when` the entity matches (each field, a
     * dot path such as `spec.type`, has the value or one of the values) scores it on `checks`; a
     * workload none selects is scored on every check in force.
     */
    scorecards?: Array<{
      name: string;
      when: { [field: string]: string | string[] };
      checks: string[];
    }>;
    /**
     * Facts of your own read from each catalog entity by JSONPath, reported as
     * `catalog.<name>` (declared): the first match's value (a list by its length), or with
     * `exists: true` whether anything matches.
     */
    catalogFacts?: {
      [name: string]: {
        path: string;
        exists?: boolean;
      };
    };
    /**
     * Checks a workload must pass, beside reaching the score band, to hold a level (L2–L5); a
     * requirement holds for the levels above too. A check that fails, passes only partly or is
     * unknown blocks; a waived or not-applicable one does not. Groups' levels follow their
     * scores. Default: no requirements.
     */
    levels?: {
      [levelId: string]: {
        requires: string[];
      };
    };
    /**
     * What a check resting on a declared fact (an annotation, the catalog, a platform profile in
     * `platforms`) earns: `count` the credit of a measured fact, `half` half of it, `ignore`
     * nothing, as if unknown. A measured fact always wins over a declared one. Default `half`.
     */
    declaredFacts?: 'count' | 'half' | 'ignore';
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
    /** How long history is kept (see docs/operations.md for the storage each setting takes). */
    history?: {
      /** Days in which every run's snapshot is kept as a point of history. Default 2. */
      runDays?: number;
      /** Days in which each day's last snapshot keeps its full detail. Default 30. */
      detailDays?: number;
      /** Days in which one snapshot per day is kept. Default 730. */
      retainDays?: number;
      /**
       * A YAML file of a recorded past (see docs/operations.md): when nothing has been scored
       * yet, the first run first writes a snapshot for each of its days, scored from today's
       * facts with the changes recorded since that day undone. Relative paths start at the
       * backend's directory.
       */
      backfillFile?: string;
    };
    /**
     * Monthly budgets of teams and departments, in the cost currency. The Cost tab shows the
     * month so far and a month-end forecast at the latest hourly cost; the group is notified once
     * a month when the forecast exceeds the budget.
     */
    budgets?: Array<{
      /** A Group ref, e.g. `group:default/search-ai`, or a Group's name in the default namespace. */
      group: string;
      monthly: number;
    }>;
    /**
     * What owners are told through Backstage's notifications service (the notifications backend
     * must be installed): a workload, product or team whose level falls, or whose score falls by
     * more than `scoreDrop` points, between two runs; a waiver that ends within
     * `waiverExpiryDays`; an initiative short of target within `initiativeDeadlineDays` of its
     * deadline (to its owner); a team or department whose month-end cost forecast exceeds its
     * budget (once a month). Each event is sent once.
     */
    notifications?: {
      /** Default true. */
      enabled?: boolean;
      /** Default 5 points. */
      scoreDrop?: number;
      /** Default 14 days. */
      waiverExpiryDays?: number;
      /** Days before an initiative's deadline on which its owner is told, if short of target. Default 14. */
      initiativeDeadlineDays?: number;
      /** Notifications sent at most per run; the rest are logged. Default 1000. */
      maxPerRun?: number;
    };
    /**
     * Initiatives declared for GitOps (those created through the API are stored): a goal with an
     * owner, a scope (a company, department or team's entity ref), a target (a level, a score, or
     * checks that must pass) and a deadline (YYYY-MM-DD). See docs/scoring.md.
     */
    initiatives?: Array<{
      id: string;
      name: string;
      owner: string;
      scope: string;
      target:
        | { level: 'L2' | 'L3' | 'L4' | 'L5' }
        | { score: number }
        | { checks: string[] };
      deadline: string;
    }>;
    /** Best-practice cases. */
    practices?: {
      /**
       * YAML files of the organisation's own cases, each a list in the shape of the built-in ones
       * (see docs/cases.md). Relative paths start at the backend's directory.
       */
      files?: string[];
    };
    /** Prices and the parameters of right-sizing advice (see docs/cost.md). */
    cost?: {
      /** Defaults: OpenCost's 0.031611 per core-hour and 0.004237 per GiB-hour, USD, no discount. */
      prices?: CostPrices;
      /**
       * Prices by cluster, namespace and node type (instance type) or a combination; the most
       * specific wins (namespace, then node type, then cluster).
       */
      overrides?: Array<
        Omit<CostPrices, 'currency'> & {
          cluster?: string;
          namespace?: string;
          nodeType?: string;
        }
      >;
      /**
       * A CSV file of negotiated rates (columns cluster, namespace, nodeType, cpuCoreHour,
       * memoryGiBHour, gpuHour, storageGiBMonth, discount), each row an override that wins a tie
       * with `overrides`.
       * Relative paths start at the backend's directory.
       */
      ratesFile?: string;
      /**
       * Price of one GiB of persistent volume for a month, by storage class: a volume of a class
       * named here is priced at it, others at `prices.storageGiBMonth` (default 0.04, OpenCost's).
       */
      storageClasses?: { [storageClass: string]: number };
      /** Crane's resource recommender; defaults 0.15, 0.1 core, 100 MiB, 100 MiB, 1.2. */
      rightSizing?: {
        margin?: number;
        cpuFloorCores?: number;
        memoryFloorMiB?: number;
        oomBumpMiB?: number;
        oomBumpRatio?: number;
      };
      /** Crane's HPA and replica recommendations; defaults 1.5, 30, 75, 2 and 3. */
      elasticity?: {
        fluctuationThreshold?: number;
        minTargetUtilization?: number;
        maxTargetUtilization?: number;
        /** The fewest replicas recommended. */
        defaultMinReplicas?: number;
        /** How far above the p95's replicas the recommended maximum goes. */
        maxReplicasFactor?: number;
      };
      /**
       * When a node is hot or cold by its utilisation maxima (0–1, from Prometheus): hot above
       * `hot` in the last hour (default 0.75, Crane's scheduler filter), cold below `cold` all day
       * (default 0.3). Behind the clusters' rescheduling and over-commit advice.
       */
      nodeSignals?: {
        hot?: number;
        cold?: number;
      };
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

/** Prices of reserved capacity. */
interface CostPrices {
  /** Price of one CPU core for one hour. */
  cpuCoreHour?: number;
  /** Price of one GiB of memory for one hour. */
  memoryGiBHour?: number;
  /** ISO 4217 currency code. */
  currency?: string;
  /** Price of one GPU (`nvidia.com/gpu`) for one hour. Default 0.95 (OpenCost's). */
  gpuHour?: number;
  /** Price of one GiB of persistent volume for a month. Default 0.04 (OpenCost's). */
  storageGiBMonth?: number;
  /** Discount off every price, 0–1. */
  discount?: number;
}
