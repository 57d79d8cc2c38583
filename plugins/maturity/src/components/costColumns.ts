import { TableColumn } from '@backstage/core-components';
import { CostSummary } from '@internal/plugin-maturity-common';
import { formatMoney, formatMonthly, formatPercent } from '../format';
import { noWrap } from './tableStyles';

type Figure = 'monthlySaving' | 'hourlyCost' | 'wasteShare' | 'efficiency';

/** Ascending, with a missing figure below every known one. */
function compareFigures(
  a: number | null | undefined,
  b: number | null | undefined,
): number {
  if (typeof a !== 'number') return typeof b === 'number' ? -1 : 0;
  if (typeof b !== 'number') return 1;
  return a - b;
}

/**
 * The cost columns of a table whose rows carry a cost summary: the savings leaderboard and a
 * group's members by potential saving. A row without costs shows dashes. The columns sort by the
 * figure itself, which sits nested in a leaderboard row where the table's own sort cannot reach it.
 */
export function costSummaryColumns<T extends object>(
  currency: string,
  summaryOf: (row: T) => CostSummary | null,
  options: { largestSavingFirst?: boolean } = {},
): TableColumn<T>[] {
  const column = (
    title: string,
    figure: Figure,
    format: (summary: CostSummary) => string,
  ): TableColumn<T> => ({
    title,
    type: 'numeric',
    cellStyle: noWrap(),
    render: row => {
      const summary = summaryOf(row);
      return summary ? format(summary) : '—';
    },
    customSort: (a, b) =>
      compareFigures(summaryOf(a)?.[figure], summaryOf(b)?.[figure]),
  });
  return [
    {
      ...column(
        'Potential saving',
        'monthlySaving',
        s => `${formatMoney(s.monthlySaving, currency)}/mo`,
      ),
      ...(options.largestSavingFirst ? { defaultSort: 'desc' as const } : {}),
    },
    column('Cost', 'hourlyCost', s => formatMonthly(s.hourlyCost, currency)),
    column('Waste share', 'wasteShare', s => formatPercent(s.wasteShare)),
    column('Efficiency', 'efficiency', s => formatPercent(s.efficiency)),
  ];
}
