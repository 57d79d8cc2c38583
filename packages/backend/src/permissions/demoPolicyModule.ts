import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { OwnedOnlyPolicy } from './OwnedOnlyPolicy';

/**
 * The demo's permission policy, chosen by `demo.permissionPolicy`: `allow-all` (the default, an
 * open demo) or `owned-only` (see OwnedOnlyPolicy), with `demo.permissionAdmins` reading all.
 * Permissions are only asked at all where `permission.enabled` is true.
 */
export const demoPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, policy: policyExtensionPoint },
      async init({ config, policy }) {
        const choice =
          config.getOptionalString('demo.permissionPolicy') ?? 'allow-all';
        if (choice === 'owned-only') {
          const admins =
            config.getOptionalStringArray('demo.permissionAdmins') ?? [];
          policy.setPolicy(new OwnedOnlyPolicy(admins));
        } else if (choice === 'allow-all') {
          policy.setPolicy({
            handle: async () => ({ result: AuthorizeResult.ALLOW }),
          });
        } else {
          throw new Error(
            `Invalid config demo.permissionPolicy: ${JSON.stringify(
              choice,
            )}; expected allow-all or owned-only`,
          );
        }
      },
    });
  },
});
