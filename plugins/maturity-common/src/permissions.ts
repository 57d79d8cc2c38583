import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Starting a scoring run on demand (`POST /api/maturity/v1/runs`). Runs are expensive and
 * scheduled anyway, so this is granted through the permission framework, not to everyone.
 * @public
 */
export const maturityRunCreatePermission = createPermission({
  name: 'maturity.run.create',
  attributes: { action: 'create' },
});

/** Every permission of the suite. @public */
export const maturityPermissions = [maturityRunCreatePermission];
