import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { MaturityAnnotationProcessor } from './MaturityAnnotationProcessor';
import { MaturityLabel } from './MaturityLabelSource';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};
const component = (
  annotations: Record<string, string> = {},
  labels?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations,
    ...(labels ? { labels } : {}),
  },
  spec: { type: 'service', owner: 'team-a' },
});
const labels = (entries: Array<[string, MaturityLabel]>) => ({
  get: async () => new Map(entries),
});

async function errorsFor(annotations: Record<string, string>) {
  const emit = jest.fn();
  await new MaturityAnnotationProcessor().postProcessEntity(
    component(annotations),
    location,
    emit,
  );
  return emit.mock.calls.map(([result]) => {
    expect(result.type).toBe('error');
    expect(result.error.name).toBe('InputError');
    return result.error.message;
  });
}

const expected = (annotation: string, value: string, form: string) =>
  `Entity component:default/checkout has an invalid annotation maturity.cloudnative.dev/${annotation}: ${value}; expected ${form}`;

describe('MaturityAnnotationProcessor', () => {
  it('passes good annotations through untouched', async () => {
    const entity = component({
      'maturity.cloudnative.dev/cores': '2000',
      'maturity.cloudnative.dev/workload-kind': 'stateful',
      'maturity.cloudnative.dev/practices': 'tracing, ci-pipeline',
      'maturity.cloudnative.dev/prometheus-selector':
        'namespace="shop",pod=~"checkout-.*"',
      'maturity.cloudnative.dev/waiver.zone-spread':
        '2027-01-31: single-zone until the DB moves',
    });
    const emit = jest.fn();
    await expect(
      new MaturityAnnotationProcessor().postProcessEntity(
        entity,
        location,
        emit,
      ),
    ).resolves.toBe(entity);
    expect(emit).not.toHaveBeenCalled();
  });

  it.each([
    [
      { 'maturity.cloudnative.dev/cores': '-3' },
      expected(
        'cores',
        '"-3"',
        'a non-negative number of CPU cores up to 1,000,000, e.g. "16" or "0.5"',
      ),
    ],
    [
      { 'maturity.cloudnative.dev/cores': 'many' },
      expected(
        'cores',
        '"many"',
        'a non-negative number of CPU cores up to 1,000,000, e.g. "16" or "0.5"',
      ),
    ],
    [
      { 'maturity.cloudnative.dev/prometheus-selector': 'shop' },
      expected(
        'prometheus-selector',
        '"shop"',
        'PromQL label matchers without braces, e.g. namespace="shop",pod=~"cart-.*"',
      ),
    ],
    [
      { 'maturity.cloudnative.dev/waiver.hpa': '2027-01-31: typo' },
      'Entity component:default/checkout has an invalid annotation maturity.cloudnative.dev/waiver.hpa: there is no check \'hpa\'; expected "YYYY-MM-DD: reason", e.g. "2027-03-31: pinned cores needed for the matching engine"',
    ],
    [
      { 'maturity.cloudnative.dev/waiver.zone-spread': '2027-01-31:' },
      'Entity component:default/checkout has an invalid annotation maturity.cloudnative.dev/waiver.zone-spread: the reason is missing; expected "YYYY-MM-DD: reason", e.g. "2027-03-31: pinned cores needed for the matching engine"',
    ],
    [
      { 'maturity.cloudnative.dev/waiver.zone-spread': '2027-13-01: late' },
      'Entity component:default/checkout has an invalid annotation maturity.cloudnative.dev/waiver.zone-spread: 2027-13-01 is not a date; expected "YYYY-MM-DD: reason", e.g. "2027-03-31: pinned cores needed for the matching engine"',
    ],
  ])(
    'reports %j as an input error naming annotation, value and form',
    async (annotations, message) => {
      expect(await errorsFor(annotations)).toEqual([message]);
    },
  );

  it('logs each problem once, naming the entity, the annotation and where it was read', async () => {
    const logger = mockServices.logger.mock();
    const processor = new MaturityAnnotationProcessor(undefined, logger);
    const bad = component({ 'maturity.cloudnative.dev/cores': 'many' });
    // The catalog processes an entity again and again; the warning is logged once.
    for (let i = 0; i < 3; i++)
      await processor.postProcessEntity(bad, location, jest.fn());
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `${expected(
        'cores',
        '"many"',
        'a non-negative number of CPU cores up to 1,000,000, e.g. "16" or "0.5"',
      )} ` +
        "(from url:https://example.com/catalog-info.yaml); the catalog keeps the entity's last good version, or none",
    );
  });

  it('writes level and score labels of scored entities, keeping their own labels', async () => {
    const processor = new MaturityAnnotationProcessor(
      labels([['component:default/checkout', { level: 'L3', score: 64 }]]),
    );
    const result = await processor.postProcessEntity(
      component({}, { tier: 'gold' }),
      location,
      jest.fn(),
    );
    expect(result.metadata.labels).toEqual({
      tier: 'gold',
      'maturity.cloudnative.dev/level': 'L3',
      'maturity.cloudnative.dev/score': '64',
    });
    // Same snapshot, same labels: processing again changes nothing, so the catalog does not churn.
    const again = await processor.postProcessEntity(
      result,
      location,
      jest.fn(),
    );
    expect(again).toEqual(result);
  });

  it('leaves entities without a score alone', async () => {
    const entity = component();
    const processor = new MaturityAnnotationProcessor(
      labels([['component:default/other', { level: 'L1', score: 10 }]]),
    );
    await expect(
      processor.postProcessEntity(entity, location, jest.fn()),
    ).resolves.toBe(entity);
  });
});
