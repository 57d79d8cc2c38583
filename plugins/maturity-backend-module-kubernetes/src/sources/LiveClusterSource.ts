import {
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  KubeConfig,
  PolicyV1Api,
} from '@kubernetes/client-node';
import { ClusterSource, KubeObject, ResourceName } from './ClusterSource';

/** How to reach one cluster. */
export interface ClusterConfig {
  name: string;
  url: string;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify?: boolean;
}

type Page = { items: unknown[]; metadata?: { _continue?: string } };
type Lister = (args: { limit: number; _continue?: string; timeoutSeconds: number }) => Promise<Page>;

/** Rejects when `promise` takes longer than `ms`: a hung API server must not hang the run. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function statusOf(error: unknown): number | undefined {
  const e = error as { code?: number; statusCode?: number; response?: { statusCode?: number } };
  return e?.code ?? e?.statusCode ?? e?.response?.statusCode;
}

/**
 * Reads a live cluster through `@kubernetes/client-node`, page by page. A `continue` token that
 * expired (410 Gone) restarts the list once from the beginning, as the API asks clients to do.
 */
export class LiveClusterSource implements ClusterSource {
  readonly cluster: string;
  private readonly listers: Record<ResourceName, Lister>;

  constructor(
    config: ClusterConfig,
    private readonly options: { pageSize: number; timeoutSeconds: number },
  ) {
    this.cluster = config.name;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: config.name, server: config.url, caData: config.caData, skipTLSVerify: config.skipTLSVerify ?? false }],
      users: [{ name: 'maturity', token: config.serviceAccountToken }],
      contexts: [{ name: config.name, cluster: config.name, user: 'maturity' }],
      currentContext: config.name,
    });
    const apps = kubeConfig.makeApiClient(AppsV1Api);
    const autoscaling = kubeConfig.makeApiClient(AutoscalingV2Api);
    const policy = kubeConfig.makeApiClient(PolicyV1Api);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    this.listers = {
      deployments: args => apps.listDeploymentForAllNamespaces(args),
      statefulsets: args => apps.listStatefulSetForAllNamespaces(args),
      daemonsets: args => apps.listDaemonSetForAllNamespaces(args),
      horizontalpodautoscalers: args => autoscaling.listHorizontalPodAutoscalerForAllNamespaces(args),
      poddisruptionbudgets: args => policy.listPodDisruptionBudgetForAllNamespaces(args),
      pods: args => core.listPodForAllNamespaces(args),
    };
  }

  async list<T>(resource: ResourceName, keep: (object: KubeObject) => T | undefined): Promise<T[]> {
    try {
      return await this.listAll(resource, keep);
    } catch (error) {
      if (statusOf(error) !== 410) throw this.explain(resource, error);
      try {
        return await this.listAll(resource, keep);
      } catch (retryError) {
        throw this.explain(resource, retryError);
      }
    }
  }

  private async listAll<T>(resource: ResourceName, keep: (object: KubeObject) => T | undefined): Promise<T[]> {
    const kept: T[] = [];
    let token: string | undefined;
    do {
      const page = await withTimeout(
        this.listers[resource]({
          limit: this.options.pageSize,
          _continue: token,
          timeoutSeconds: this.options.timeoutSeconds,
        }),
        // The server-side timeout plus a margin for the transfer.
        (this.options.timeoutSeconds + 5) * 1000,
        'the request',
      );
      for (const item of page.items as KubeObject[]) {
        const slim = keep(item);
        if (slim !== undefined) kept.push(slim);
      }
      token = page.metadata?._continue || undefined;
    } while (token);
    return kept;
  }

  private explain(resource: ResourceName, error: unknown): Error {
    const status = statusOf(error);
    const hint: Record<number, string> = {
      401: 'the service-account token was rejected',
      403: `the service account may not list ${resource} across namespaces (grant list on it cluster-wide)`,
      404: `the API server does not serve ${resource} at this version`,
      410: 'the list expired twice in a row',
    };
    const reason = (status && hint[status]) || (error instanceof Error ? error.message : String(error));
    return new Error(`Kubernetes cluster ${this.cluster}: listing ${resource} failed${status ? ` (${status})` : ''}: ${reason}`);
  }
}
