import { readBudgets } from './readBudgets';

describe('readBudgets', () => {
  it('keys each monthly budget by the Group ref', () => {
    expect(
      readBudgets([
        { group: 'search-ai', monthly: 250_000 },
        { group: 'group:corp/workplace', monthly: 4_000 },
      ]),
    ).toEqual(
      new Map([
        ['group:default/search-ai', 250_000],
        ['group:corp/workplace', 4_000],
      ]),
    );
  });

  it.each([
    [
      [{ group: 'component:default/cart', monthly: 10 }],
      "Invalid config maturity.budgets[0].group: 'component:default/cart' is not a Group; a budget belongs to a team or a department",
    ],
    [
      [
        { group: 'search-ai', monthly: 10 },
        { group: 'group:default/search-ai', monthly: 20 },
      ],
      'Invalid config maturity.budgets[1].group: group:default/search-ai has a budget already',
    ],
  ])('refuses %j, naming the key', (budgets, message) => {
    expect(() => readBudgets(budgets)).toThrow(message);
  });
});
