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

/**
 * Creating, editing and deleting initiatives (`POST`, `PUT` and `DELETE` on
 * `/api/maturity/v1/initiatives`): goals with owners and deadlines that the leaderboard tracks.
 * @public
 */
export const maturityInitiativeManagePermission = createPermission({
  name: 'maturity.initiative.manage',
  attributes: { action: 'update' },
});

/**
 * Setting and removing the monthly budgets of teams and departments (`PUT` and `DELETE` on
 * `/api/maturity/v1/budgets`), which the Cost tab forecasts against and notifications follow.
 * @public
 */
export const maturityBudgetManagePermission = createPermission({
  name: 'maturity.budget.manage',
  attributes: { action: 'update' },
});

/** Every permission of the suite. @public */
export const maturityPermissions = [
  maturityRunCreatePermission,
  maturityInitiativeManagePermission,
  maturityBudgetManagePermission,
];
