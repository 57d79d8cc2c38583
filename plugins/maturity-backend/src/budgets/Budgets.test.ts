import { createTestDatabases } from '../__testUtils__/databases';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { BudgetStore } from '../database/BudgetStore';
import { Budgets } from './Budgets';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('budgets on %p', databaseId => {
  async function budgets() {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-maturity-backend',
        'migrations',
      ),
    });
    return new Budgets({
      declared: new Map([['group:default/media', 120_000]]),
      stored: new BudgetStore(knex),
    });
  }

  it('sets, replaces and removes budgets beside the declared ones', async () => {
    const all = await budgets();
    const at = new Date('2026-12-03T10:00:00Z');
    await all.set('group:default/search-ai', 500_000, at);
    await all.set('group:default/search-ai', 550_000.5, at);
    await all.set('group:default/commerce', 40_000, at);
    expect(await all.list()).toEqual([
      { group: 'group:default/commerce', monthly: 40_000, declared: false },
      { group: 'group:default/media', monthly: 120_000, declared: true },
      { group: 'group:default/search-ai', monthly: 550_000.5, declared: false },
    ]);
    // One entity's budget: declared, stored, none, and none for what is not a Group.
    expect(await all.monthlyOf('group:default/media')).toBe(120_000);
    expect(await all.monthlyOf('group:default/commerce')).toBe(40_000);
    expect(await all.monthlyOf('group:default/workplace')).toBeUndefined();
    expect(await all.monthlyOf('component:default/cart')).toBeUndefined();
    await all.remove('group:default/commerce');
    expect([...(await all.monthlyBudgets())]).toEqual([
      ['group:default/media', 120_000],
      ['group:default/search-ai', 550_000.5],
    ]);
  });

  it('refuses a declared budget, a non-Group and an amount that is not positive', async () => {
    const all = await budgets();
    const at = new Date();
    await expect(all.set('group:default/media', 1, at)).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'The budget of group:default/media is declared in app-config (maturity.budgets); it cannot be changed through the API, change it there',
    });
    await expect(all.remove('group:default/media')).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await expect(
      all.set('component:default/cart', 10, at),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'component:default/cart is not a Group; a budget belongs to a team or a department',
    });
    await expect(all.set('group:default/x', 0, at)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'monthly: expected a positive amount in the cost currency, got 0',
    });
    await expect(all.remove('group:default/x')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
