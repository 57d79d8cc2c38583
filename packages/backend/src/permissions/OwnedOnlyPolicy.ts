import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

type CatalogCondition = PermissionCondition<'catalog-entity'>;

/**
 * A user reads the catalog entities their groups (or they) own, and the groups they belong to;
 * the users named as admins read everything; every other permission is granted. The read
 * condition is the catalog's own rules, so the catalog and every plugin that asks it (the
 * maturity suite among them) show a user the same entities.
 */
export class OwnedOnlyPolicy implements PermissionPolicy {
  constructor(private readonly admins: string[]) {}

  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPermission(query.permission, catalogEntityReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (user && this.admins.includes(user.info.userEntityRef)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    const ownGroups = claims.flatMap(ref =>
      ref.startsWith('group:') ? [ref.slice(ref.indexOf('/') + 1)] : [],
    );
    return createCatalogConditionalDecision(query.permission, {
      anyOf: [
        catalogConditions.isEntityOwner({ claims }),
        ...ownGroups.map(
          (name): PermissionCriteria<CatalogCondition> => ({
            allOf: [
              catalogConditions.isEntityKind({ kinds: ['Group'] }),
              catalogConditions.hasMetadata({ key: 'name', value: name }),
            ],
          }),
        ),
      ],
    });
  }
}
