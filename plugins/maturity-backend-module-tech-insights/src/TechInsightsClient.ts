import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** One retriever's latest facts for an entity, as `GET /facts/latest` answers them. */
export interface LatestFacts {
  timestamp: string | null;
  facts: Record<string, unknown>;
}

/** Reads the latest facts of entities from a Tech Insights backend. */
export interface TechInsightsReader {
  latestFacts(
    entityRef: string,
    retrievers: readonly string[],
    signal?: AbortSignal,
  ): Promise<Record<string, LatestFacts>>;
}

/**
 * The Tech Insights backend's own REST API (`GET /facts/latest?entity=…&ids[]=…`), called with a
 * service token for the `tech-insights` plugin, so its permission policy applies to the reads.
 */
export class TechInsightsClient implements TechInsightsReader {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** Overrides discovery, e.g. a Tech Insights backend of another Backstage. */
      baseUrl?: string;
      timeoutMs: number;
    },
  ) {}

  async latestFacts(
    entityRef: string,
    retrievers: readonly string[],
    signal?: AbortSignal,
  ): Promise<Record<string, LatestFacts>> {
    const base =
      this.options.baseUrl ??
      (await this.options.discovery.getBaseUrl('tech-insights'));
    const url = new URL(`${base}/facts/latest`);
    url.searchParams.set('entity', entityRef);
    for (const id of retrievers) url.searchParams.append('ids[]', id);
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
      targetPluginId: 'tech-insights',
    });
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as Record<string, LatestFacts>;
  }
}
