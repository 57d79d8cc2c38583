import { Entity } from '@backstage/catalog-model';
import { MaturityAnnotationProcessor } from './MaturityAnnotationProcessor';

const location = { type: 'url', target: 'https://example.com/catalog-info.yaml' };
const component = (cores?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: cores === undefined ? {} : { 'maturity.cloudnative.dev/cores': cores },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

describe('MaturityAnnotationProcessor', () => {
  const processor = new MaturityAnnotationProcessor();

  it('passes valid and absent cores through untouched', async () => {
    for (const entity of [component('2000'), component()]) {
      const emit = jest.fn();
      await expect(processor.postProcessEntity(entity, location, emit)).resolves.toBe(entity);
      expect(emit).not.toHaveBeenCalled();
    }
  });

  it('emits an input error that names the entity, annotation and expected form', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(component('-3'), location, emit);
    expect(emit).toHaveBeenCalledTimes(1);
    const result = emit.mock.calls[0][0];
    expect(result.type).toBe('error');
    expect(result.error.name).toBe('InputError');
    expect(result.error.message).toBe(
      'Entity component:default/checkout has an invalid annotation maturity.cloudnative.dev/cores: "-3"; expected a non-negative number of CPU cores, e.g. "16" or "0.5"',
    );
  });
});
