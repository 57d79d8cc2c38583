import { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import {
  ClusterSource,
  KubeObject,
  Listable,
  resourceLabel,
  ResourceName,
} from './ClusterSource';

/** How to reach one cluster. */
export interface ClusterConfig {
  name: string;
  url: string;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify?: boolean;
}

type Page = { items: unknown[]; metadata?: { continue?: string } };

/** Where the API serves each resource's list across all namespaces. */
const LIST_PATHS: Record<ResourceName, string> = {
  deployments: '/apis/apps/v1/deployments',
  statefulsets: '/apis/apps/v1/statefulsets',
  daemonsets: '/apis/apps/v1/daemonsets',
  horizontalpodautoscalers: '/apis/autoscaling/v2/horizontalpodautoscalers',
  poddisruptionbudgets: '/apis/policy/v1/poddisruptionbudgets',
  pods: '/api/v1/pods',
  nodes: '/api/v1/nodes',
  persistentvolumeclaims: '/api/v1/persistentvolumeclaims',
  storageclasses: '/apis/storage.k8s.io/v1/storageclasses',
  cronjobs: '/apis/batch/v1/cronjobs',
  clusterpolicies: '/apis/kyverno.io/v1/clusterpolicies',
  policyreports: '/apis/wgpolicyk8s.io/v1alpha2/policyreports',
  k8sallowedrepos: '/apis/constraints.gatekeeper.sh/v1beta1/k8sallowedrepos',
  k8scontainerlimits:
    '/apis/constraints.gatekeeper.sh/v1beta1/k8scontainerlimits',
  instrumentations: '/apis/opentelemetry.io/v1alpha1/instrumentations',
  vulnerabilityreports:
    '/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports',
  rollouts: '/apis/argoproj.io/v1alpha1/rollouts',
  canaries: '/apis/flagger.app/v1beta1/canaries',
};

/** Where the API lists a resource across all namespaces. */
function listPath(resource: Listable): string {
  if (typeof resource === 'string') return LIST_PATHS[resource];
  const base = resource.apiVersion.includes('/') ? '/apis' : '/api';
  return `${base}/${resource.apiVersion}/${resource.plural}`;
}

/** Rejects when `promise` takes longer than `ms`: a hung API server must not hang the run. */
function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function statusOf(error: unknown): number | undefined {
  const e = error as {
    code?: number;
    statusCode?: number;
    response?: { statusCode?: number };
  };
  return e?.code ?? e?.statusCode ?? e?.response?.statusCode;
}

/**
 * Reads a live cluster page by page. `@kubernetes/client-node` supplies what reaching the cluster
 * takes (its KubeConfig: server, token, CA, TLS verification, proxy agent); each page is then one
 * GET parsed as plain JSON. The client's typed list calls turn every object into model classes
 * first, which was half of listing time (20,000 Deployments: 4.2 s against 2.1 s), for fields the
 * facts then read as plain JSON anyway. A `continue` token that expired (410 Gone) restarts the
 * list once from the beginning, as the API asks clients to do.
 */
export class LiveClusterSource implements ClusterSource {
  readonly cluster: string;
  private readonly kubeConfig: KubeConfig;

  constructor(
    private readonly config: ClusterConfig,
    private readonly options: { pageSize: number; timeoutSeconds: number },
  ) {
    this.cluster = config.name;
    this.kubeConfig = new KubeConfig();
    this.kubeConfig.loadFromOptions({
      clusters: [
        {
          name: config.name,
          server: config.url,
          caData: config.caData,
          skipTLSVerify: config.skipTLSVerify ?? false,
        },
      ],
      users: [{ name: 'maturity', token: config.serviceAccountToken }],
      contexts: [{ name: config.name, cluster: config.name, user: 'maturity' }],
      currentContext: config.name,
    });
  }

  /** One page of a list, as the API answers `GET <path>?limit=…&continue=…`. */
  private async page(
    resource: Listable,
    token: string | undefined,
  ): Promise<Page> {
    // Under the server's own path, if it has one (an API behind a proxy).
    const url = new URL(
      `${this.config.url.replace(/\/$/, '')}${listPath(resource)}`,
    );
    if (token) url.searchParams.set('continue', token);
    url.searchParams.set('limit', String(this.options.pageSize));
    url.searchParams.set('timeoutSeconds', String(this.options.timeoutSeconds));
    const options: https.RequestOptions = {
      method: 'GET',
      headers: { accept: 'application/json' },
    };
    await this.kubeConfig.applyToHTTPSOptions(options);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<Page>((resolve, reject) => {
      const request = transport.request(url, options, response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200) {
            let message = `HTTP ${response.statusCode}`;
            try {
              message = JSON.parse(body).message ?? message;
            } catch {
              // not a Status object
            }
            reject(
              Object.assign(new Error(message), {
                statusCode: response.statusCode,
              }),
            );
            return;
          }
          try {
            resolve(JSON.parse(body) as Page);
          } catch (error) {
            reject(
              new Error(`the answer is not JSON: ${(error as Error).message}`),
            );
          }
        });
      });
      request.on('error', reject);
      request.end();
    });
  }

  async list<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[]> {
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

  /** The API answers 404 for a resource no installed add-on defines. */
  async listAddOn<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[] | undefined> {
    try {
      return await this.list(resource, keep);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  private async listAll<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[]> {
    const kept: T[] = [];
    let token: string | undefined;
    do {
      const page = await withTimeout(
        this.page(resource, token),
        // The server-side timeout plus a margin for the transfer.
        (this.options.timeoutSeconds + 5) * 1000,
        'the request',
      );
      for (const item of page.items as KubeObject[]) {
        const slim = keep(item);
        if (slim !== undefined) kept.push(slim);
      }
      token = page.metadata?.continue || undefined;
    } while (token);
    return kept;
  }

  private explain(listed: Listable, error: unknown): Error {
    const resource = resourceLabel(listed);
    const status = statusOf(error);
    const hint: Record<number, string> = {
      401: 'the service-account token was rejected',
      403: `the service account may not list ${resource} across namespaces (grant list on it cluster-wide)`,
      404: `the API server does not serve ${resource} at this version`,
      410: 'the list expired twice in a row',
    };
    const reason =
      (status && hint[status]) ||
      (error instanceof Error ? error.message : String(error));
    return Object.assign(
      new Error(
        `Kubernetes cluster ${this.cluster}: listing ${resource} failed${
          status ? ` (${status})` : ''
        }: ${reason}`,
      ),
      { status },
    );
  }
}
