import { Entity } from '@backstage/catalog-model';
import { findAnnotationProblems } from './annotationProblems';
import {
  readDeclaredCores,
  readPractices,
  readWorkloadKind,
} from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart', annotations },
  spec: {},
});

describe('annotation readers', () => {
  it('reads workload kind and practices', () => {
    const e = entity({
      'maturity.cloudnative.dev/workload-kind': 'stateful',
      'maturity.cloudnative.dev/practices':
        'tracing, ci-pipeline,,image-signing',
    });
    expect(readWorkloadKind(e)).toEqual({ ok: true, value: 'stateful' });
    expect(readPractices(e)).toEqual({
      ok: true,
      value: ['tracing', 'ci-pipeline', 'image-signing'],
    });
  });

  it('reports every malformed annotation on the entity, each named', () => {
    const problems = findAnnotationProblems(
      entity({
        'maturity.cloudnative.dev/cores': 'lots',
        'maturity.cloudnative.dev/workload-kind': 'serverless',
        'maturity.cloudnative.dev/practices': 'tracing, tracng',
        'maturity.cloudnative.dev/waiver.hpa-elastic': '2027-01-01',
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('maturity.cloudnative.dev/cores: "lots"');
    expect(problems[1]).toBe(
      'Entity component:default/cart has an invalid annotation maturity.cloudnative.dev/workload-kind: "serverless"; expected one of stateless, stateful, batch',
    );
    expect(problems[2]).toContain('(unknown: tracng)');
    expect(problems[3]).toContain(
      'maturity.cloudnative.dev/waiver.hpa-elastic',
    );
  });

  it('refuses cores past the bound, however finite, naming the entity, the annotation and the bound', () => {
    const huge = readDeclaredCores(
      entity({ 'maturity.cloudnative.dev/cores': `1${'0'.repeat(308)}` }),
    );
    expect(huge).toEqual({
      ok: false,
      error:
        `Entity component:default/cart has an invalid annotation maturity.cloudnative.dev/cores: "1${'0'.repeat(
          39,
        )}…"; ` +
        'expected a non-negative number of CPU cores up to 1,000,000, e.g. "16" or "0.5"',
    });
    expect(
      readDeclaredCores(entity({ 'maturity.cloudnative.dev/cores': '1000001' }))
        .ok,
    ).toBe(false);
    expect(
      readDeclaredCores(
        entity({ 'maturity.cloudnative.dev/cores': '1000000' }),
      ),
    ).toEqual({ ok: true, value: 1_000_000 });
  });

  it('finds nothing wrong with an entity that has no maturity annotations', () => {
    expect(findAnnotationProblems(entity({}))).toEqual([]);
  });
});
