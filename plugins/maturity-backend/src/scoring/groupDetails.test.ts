import {
  DimensionMeans,
  GroupDetailsBuilder,
  WorkloadUnderGroup,
} from './groupDetails';

const RETAIL = 'group:default/retail';
const ACME = 'group:default/acme';
const workload = (
  name: string,
  extra: Partial<WorkloadUnderGroup>,
): WorkloadUnderGroup => ({
  ref: `component:default/${name}`,
  department: RETAIL,
  company: ACME,
  cores: 4,
  score: 50,
  dimensions: {
    development: 50,
    compute: 50,
    architecture: 50,
    data: 50,
    security: 50,
  },
  estimatedCost: false,
  ...extra,
});

describe('GroupDetailsBuilder', () => {
  const builder = new GroupDetailsBuilder();
  builder.add(
    workload('cart', {
      team: 'group:default/checkout',
      cores: 12,
      dimensions: { development: 80, compute: 20, security: null },
      estimatedCost: true,
    }),
  );
  builder.add(
    workload('basket', {
      team: 'group:default/checkout',
      cores: 4,
      dimensions: { development: 40, compute: 60, security: 10 },
    }),
  );
  // No score and no cores: members and counts, no weight in the dimensions.
  builder.add(
    workload('pricing', {
      cores: null,
      score: null,
      dimensions: { development: 0 },
      estimatedCost: true,
    }),
  );
  builder.add(
    workload('lab', {
      department: 'group:default/labs',
      cores: 2,
      dimensions: { development: 100 },
    }),
  );

  it('weights each dimension by cores over the scored workloads that have it', () => {
    const checkout = builder.detailOf('team', 'group:default/checkout');
    // development (12·80 + 4·40) / 16 = 70, compute (12·20 + 4·60) / 16 = 30, security only basket's 10.
    expect(checkout.dimensions).toEqual({
      development: 70,
      compute: 30,
      architecture: null,
      data: null,
      security: 10,
    });
    expect(builder.detailOf('department', RETAIL).dimensions?.development).toBe(
      70,
    );
    // acme adds lab: (12·80 + 4·40 + 2·100) / 18 = 73.33…
    expect(
      builder.detailOf('company', ACME).dimensions?.development,
    ).toBeCloseTo(1320 / 18, 12);
  });

  it('counts the workloads with an estimated cost under each group', () => {
    expect(
      builder.detailOf('team', 'group:default/checkout').estimatedWorkloads,
    ).toBe(1);
    expect(builder.detailOf('department', RETAIL).estimatedWorkloads).toBe(2);
    expect(
      builder.detailOf('department', 'group:default/labs').estimatedWorkloads,
    ).toBe(0);
  });

  it('keeps the members of every group: their groups, and workloads in none', () => {
    expect(builder.detailOf('department', RETAIL).members).toEqual({
      team: ['group:default/checkout'],
      workload: ['component:default/pricing'],
    });
    expect(builder.detailOf('company', ACME).members).toEqual({
      department: ['group:default/labs', RETAIL],
    });
    // A team's and a product's members are its workloads.
    expect(builder.detailOf('team', 'group:default/checkout').members).toEqual({
      workload: ['component:default/basket', 'component:default/cart'],
    });
  });
});

describe('DimensionMeans', () => {
  it('has no mean for a dimension no weighted workload has', () => {
    const means = new DimensionMeans();
    means.add({ cores: 0, score: 40, dimensions: { data: 40 } });
    expect(means.means()).toEqual({
      development: null,
      compute: null,
      architecture: null,
      data: null,
      security: null,
    });
  });
});
