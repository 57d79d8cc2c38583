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

/** How long one service token serves: far inside its hour of validity. */
const TOKEN_REUSE_MS = 60_000;

/**
 * The Tech Insights backend's own REST API (`GET /facts/latest?entity=…&ids[]=…`), called with a
 * service token for the `tech-insights` plugin, so its permission policy applies to the reads.
 * A run asks once per workload; one token, signed once, serves the requests of a minute.
 */
export class TechInsightsClient implements TechInsightsReader {
  private token?: { value: Promise<string>; until: number };

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
    const token = await this.serviceToken();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as Record<string, LatestFacts>;
  }

  private serviceToken(): Promise<string> {
    const now = Date.now();
    if (!this.token || this.token.until <= now) {
      const { auth } = this.options;
      const value = auth
        .getOwnServiceCredentials()
        .then(credentials =>
          auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'tech-insights',
          }),
        )
        .then(({ token }) => token);
      // A token that could not be had is asked for again next time.
      value.catch(() => {
        if (this.token?.value === value) this.token = undefined;
      });
      this.token = { value, until: now + TOKEN_REUSE_MS };
    }
    return this.token.value;
  }
}
