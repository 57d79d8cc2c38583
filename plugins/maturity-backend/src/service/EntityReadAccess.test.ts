import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityReadAccess } from './EntityReadAccess';

const credentials = mockCredentials.user('user:default/alice');

function accessWith(
  result: AuthorizeResult,
  readable: (name: string) => boolean = () => true,
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorizeConditional.mockResolvedValue([
    result === AuthorizeResult.CONDITIONAL
      ? {
          result,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {},
          },
        }
      : { result },
  ] as any);
  const catalog = catalogServiceMock.mock({
    // As the catalog answers: one item per ref, in order, null where the caller may not read it;
    // names in the catalog's own case.
    getEntitiesByRefs: jest.fn(async ({ entityRefs }) => ({
      items: entityRefs.map(ref => {
        const { namespace, name } = parseEntityRef(ref);
        return readable(name)
          ? {
              apiVersion: 'v1',
              kind: 'Component',
              metadata: { namespace, name: name.toLowerCase() },
            }
          : null;
      }) as any,
    })),
  });
  return {
    access: new EntityReadAccess({
      httpAuth: mockServices.httpAuth(),
      permissions,
      catalog,
    }),
    catalog,
  };
}

describe('EntityReadAccess', () => {
  it('reads everything without asking the catalog when the policy allows, nothing when it denies', async () => {
    const allowed = accessWith(AuthorizeResult.ALLOW);
    const all = await allowed.access.scopeFor(credentials);
    expect(all.all).toBe(true);
    expect(await all.readable(['component:default/a'])).toEqual(
      new Set(['component:default/a']),
    );
    const denied = accessWith(AuthorizeResult.DENY);
    const none = await denied.access.scopeFor(credentials);
    expect([
      none.all,
      [...(await none.readable(['component:default/a']))],
    ]).toEqual([false, []]);
    expect(allowed.catalog.getEntitiesByRefs).not.toHaveBeenCalled();
    expect(denied.catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it("asks the catalog with the caller's credentials under conditions, 1,000 refs a request, each ref once", async () => {
    // The caller may read the even-numbered workloads.
    const { access, catalog } = accessWith(
      AuthorizeResult.CONDITIONAL,
      name => Number(name.slice(1)) % 2 === 0,
    );
    const scope = await access.scopeFor(credentials);
    const refs = Array.from(
      { length: 2500 },
      (_, i) => `component:default/W${i}`,
    );
    const readable = await scope.readable(refs);
    expect(readable.size).toBe(1250);
    expect(readable.has('component:default/W2498')).toBe(true);
    expect(readable.has('component:default/W2499')).toBe(false);
    expect(
      catalog.getEntitiesByRefs.mock.calls.map(
        ([request]) => request.entityRefs.length,
      ),
    ).toEqual([1000, 1000, 500]);
    expect(catalog.getEntitiesByRefs.mock.calls[0][1]).toEqual({ credentials });
    // Asked again within the request (an entity, then its members): answered from what it knows.
    expect(
      await scope.readable(['component:default/W0', 'component:default/W1']),
    ).toEqual(new Set(['component:default/W0']));
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(3);
  });
});
