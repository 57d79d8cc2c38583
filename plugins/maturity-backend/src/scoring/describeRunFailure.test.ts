import { describeRunFailure } from './describeRunFailure';

describe('describeRunFailure', () => {
  it('keeps only what the database said of a statement knex quotes whole', () => {
    const values = Array.from(
      { length: 500 },
      (_, i) => `('component:default/w-${i}', 'T')`,
    ).join(', ');
    const error = new Error(
      `insert into "maturity_workloads" ("entity_ref", "title") values ${values} - value too long for type character varying(255)`,
    );
    expect(describeRunFailure(error)).toBe(
      "The database refused the run's writes: value too long for type character varying(255)",
    );
  });

  it('keeps a plain message, its first line only, and cuts one too long to 500 characters', () => {
    expect(describeRunFailure(new Error('catalog connection reset'))).toBe(
      'catalog connection reset',
    );
    expect(
      describeRunFailure(new Error('first line\n    at stack frame')),
    ).toBe('first line');
    expect(describeRunFailure('x'.repeat(600))).toBe(`${'x'.repeat(499)}…`);
    expect(describeRunFailure({ toString: () => 'not an Error' })).toBe(
      'not an Error',
    );
  });
});
