import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';

/** Refs asked of the catalog in one request: its by-refs endpoint takes a body, not a URL. */
const REFS_PER_REQUEST = 1000;
/** Requests to the catalog in flight at once for one answer. */
const PARALLEL_REQUESTS = 4;

/**
 * What one caller may read of the catalog, for one request. `all` is true when the permission
 * policy lets the caller read every entity (permissions disabled, a service principal, an
 * allow-all or admin policy): such a caller is served the answers shared by every such caller.
 * Otherwise `readable()` asks the catalog itself, with the caller's credentials, which of the
 * refs it would return to them; the catalog applies the policy's conditions (ownership, kind,
 * any rule a policy names), so the answer here is exactly what the catalog shows them.
 */
export interface ReadScope {
  readonly all: boolean;
  /** The refs of `refs` the caller may read. */
  readable(refs: Iterable<string>): Promise<Set<string>>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

const EVERYTHING: ReadScope = {
  all: true,
  readable: async refs => new Set(refs),
};

const NOTHING: ReadScope = {
  all: false,
  readable: async () => new Set(),
};

/**
 * Decides per request what the caller may read, through `catalogEntityReadPermission`: the
 * permission the catalog itself applies to every read.
 */
export class EntityReadAccess {
  constructor(
    private readonly options: {
      httpAuth: HttpAuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  async scopeOf(req: express.Request): Promise<ReadScope> {
    const credentials = await this.options.httpAuth.credentials(req);
    return this.scopeFor(credentials);
  }

  async scopeFor(credentials: BackstageCredentials): Promise<ReadScope> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return EVERYTHING;
    if (decision.result === AuthorizeResult.DENY) return NOTHING;
    return this.askCatalog(credentials);
  }

  private askCatalog(credentials: BackstageCredentials): ReadScope {
    const { catalog } = this.options;
    // One request may ask about the same refs twice (an entity, then its members).
    const known = new Map<string, boolean>();
    return {
      all: false,
      async readable(refs) {
        const asked = [...new Set(refs)];
        const unknown = asked.filter(ref => !known.has(ref));
        const chunks = [];
        for (let i = 0; i < unknown.length; i += REFS_PER_REQUEST)
          chunks.push(unknown.slice(i, i + REFS_PER_REQUEST));
        // A few requests at a time: 100,000 workloads are 100 requests, not 100 in a row.
        for (let i = 0; i < chunks.length; i += PARALLEL_REQUESTS) {
          await Promise.all(
            chunks.slice(i, i + PARALLEL_REQUESTS).map(async chunk => {
              const { items } = await catalog.getEntitiesByRefs(
                {
                  entityRefs: chunk,
                  fields: ['kind', 'metadata.namespace', 'metadata.name'],
                },
                { credentials },
              );
              // The catalog matches refs without regard to case, and answers in its own.
              const found = new Set(
                items.flatMap(e => (e ? [lower(stringifyEntityRef(e))] : [])),
              );
              for (const ref of chunk) known.set(ref, found.has(lower(ref)));
            }),
          );
        }
        return new Set(asked.filter(ref => known.get(ref)));
      },
    };
  }
}
