import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityLabelsResponse,
  LevelId,
} from '@internal/plugin-maturity-common';

/** The level and rounded score of one entity. @public */
export interface MaturityLabel {
  level: LevelId;
  score: number;
}

/** Gives the labels of the current snapshot, by entity ref. @public */
export interface LabelSource {
  get(): Promise<Map<string, MaturityLabel>>;
}

/**
 * Reads `GET /api/maturity/v1/labels` once per `ttlMs` (one request however many entities the
 * catalog processes) and keeps the last good answer while the maturity backend is unreachable.
 * @public
 */
export class MaturityLabelSource implements LabelSource {
  private labels = new Map<string, MaturityLabel>();
  private fetchedAt = 0;
  private pending?: Promise<Map<string, MaturityLabel>>;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      ttlMs?: number;
      fetch?: typeof fetch;
      now?: () => number;
    },
  ) {}

  async get(): Promise<Map<string, MaturityLabel>> {
    const now = this.options.now?.() ?? Date.now();
    if (now - this.fetchedAt < (this.options.ttlMs ?? 60_000))
      return this.labels;
    this.pending ??= this.refresh(now).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(now: number): Promise<Map<string, MaturityLabel>> {
    const { discovery, auth, logger } = this.options;
    try {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'maturity',
      });
      const url = `${await discovery.getBaseUrl('maturity')}/v1/labels`;
      const response = await (this.options.fetch ?? fetch)(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const body = (await response.json()) as EntityLabelsResponse;
      this.labels = new Map(
        body.items.map(i => [i.ref, { level: i.level, score: i.score }]),
      );
    } catch (error) {
      logger.warn(
        `Maturity labels not refreshed, keeping the last ones: ${
          (error as Error).message
        }`,
      );
    }
    // Failed attempts wait a full TTL too, so a down backend is not asked for every entity.
    this.fetchedAt = now;
    return this.labels;
  }
}
