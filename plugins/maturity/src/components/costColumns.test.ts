import { CostSummary } from '@internal/plugin-maturity-common';
import { costSummaryColumns } from './costColumns';

interface Row {
  ref: string;
  cost: CostSummary | null;
}

const cost = (
  monthlySaving: number,
  efficiency: number | null,
): CostSummary => ({
  hourlyCost: 1,
  hourlyWaste: 0.25,
  wasteShare: 0.25,
  monthlySaving,
  efficiency,
});

const rows: Row[] = [
  { ref: 'a', cost: cost(120, 0.4) },
  { ref: 'b', cost: null },
  { ref: 'c', cost: cost(30, null) },
  { ref: 'd', cost: cost(480, 0.9) },
];

const sortedBy = (title: string) => {
  const column = costSummaryColumns<Row>('USD', r => r.cost).find(
    c => c.title === title,
  )!;
  return [...rows]
    .sort(column.customSort! as (a: Row, b: Row) => number)
    .map(r => r.ref);
};

describe('costSummaryColumns', () => {
  it('sorts by the nested figure, rows without costs first when ascending', () => {
    expect(sortedBy('Potential saving')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('puts an unknown figure with the rows without costs', () => {
    expect(sortedBy('Efficiency')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('renders the figures, and dashes for a row without costs', () => {
    const [saving, monthly] = costSummaryColumns<Row>('USD', r => r.cost);
    expect(saving.render!(rows[3], 'row')).toBe('$480/mo');
    // 1 per hour × 730 hours a month
    expect(monthly.render!(rows[0], 'row')).toBe('$730/mo');
    expect(saving.render!(rows[1], 'row')).toBe('—');
  });

  it('starts a table on the largest saving when asked, and only then', () => {
    expect(
      costSummaryColumns<Row>('USD', r => r.cost, {
        largestSavingFirst: true,
      })[0].defaultSort,
    ).toBe('desc');
    expect(
      costSummaryColumns<Row>('USD', r => r.cost)[0].defaultSort,
    ).toBeUndefined();
  });
});
