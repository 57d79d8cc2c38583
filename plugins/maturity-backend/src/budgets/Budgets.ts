import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Budget } from '@internal/plugin-maturity-common';
import { BudgetStore } from '../database/BudgetStore';

/** Where the monthly budgets in force are read. */
export interface BudgetSource {
  /** Every group's monthly budget, by Group ref. */
  monthlyBudgets(): Promise<ReadonlyMap<string, number>>;
}

/**
 * The monthly budgets in force: those declared in app-config (`maturity.budgets`, for GitOps,
 * read-only through the API) and those set through the API and stored. A declared budget wins
 * over a stored one of the same group.
 */
export class Budgets implements BudgetSource {
  constructor(
    private readonly options: {
      declared: ReadonlyMap<string, number>;
      stored: BudgetStore;
    },
  ) {}

  async list(): Promise<Budget[]> {
    const stored = await this.options.stored.list();
    const all: Budget[] = [...stored]
      .filter(([group]) => !this.options.declared.has(group))
      .map(([group, monthly]) => ({ group, monthly, declared: false }));
    for (const [group, monthly] of this.options.declared)
      all.push({ group, monthly, declared: true });
    return all.sort((a, b) => a.group.localeCompare(b.group));
  }

  /** One entity's monthly budget: only a Group has one, and then one read at most. */
  async monthlyOf(ref: string): Promise<number | undefined> {
    if (!ref.startsWith('group:')) return undefined;
    return this.options.declared.get(ref) ?? this.options.stored.get(ref);
  }

  async monthlyBudgets(): Promise<ReadonlyMap<string, number>> {
    return new Map((await this.list()).map(b => [b.group, b.monthly]));
  }

  /** Sets a group's budget; a declared one cannot be changed here. */
  async set(group: string, monthly: unknown, at: Date): Promise<Budget> {
    this.refuseDeclared(group, 'changed');
    if (!group.startsWith('group:'))
      throw new InputError(
        `${group} is not a Group; a budget belongs to a team or a department`,
      );
    if (typeof monthly !== 'number' || !(monthly > 0))
      throw new InputError(
        `monthly: expected a positive amount in the cost currency, got ${JSON.stringify(
          monthly,
        )}`,
      );
    await this.options.stored.put(group, monthly, at);
    return { group, monthly, declared: false };
  }

  async remove(group: string): Promise<void> {
    this.refuseDeclared(group, 'removed');
    if (!(await this.options.stored.delete(group)))
      throw new NotFoundError(`${group} has no budget set through the API`);
  }

  private refuseDeclared(group: string, what: string) {
    if (this.options.declared.has(group))
      throw new ConflictError(
        `The budget of ${group} is declared in app-config (maturity.budgets); it cannot be ${what} through the API, change it there`,
      );
  }
}
