import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { readDeclaredCores } from '@internal/plugin-maturity-common';
import { resolveWorkloadHierarchy } from './resolveWorkloadHierarchy';

const group = (name: string, type: string, parent?: string): GroupEntity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [], ...(parent ? { parent } : {}) },
});

const component = (
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', ...spec },
});

const groups = new Map(
  [
    group('acme', 'organization', 'holding'),
    group('holding', 'holding-company'),
    group('retail', 'department', 'acme'),
    group('payments', 'team', 'retail'),
    group('squad-x', 'squad', 'payments'),
    group('orphans', 'team'),
    group('loop-a', 'team', 'loop-b'),
    group('loop-b', 'team', 'loop-a'),
  ].map(g => [stringifyEntityRef(g), g]),
);

describe('resolveWorkloadHierarchy', () => {
  it('walks owner → department → organization', () => {
    expect(
      resolveWorkloadHierarchy(
        component({ owner: 'squad-x', system: 'shop' }),
        groups,
      ),
    ).toEqual({
      product: 'system:default/shop',
      team: 'group:default/squad-x',
      department: 'group:default/retail',
      company: 'group:default/acme',
    });
  });

  it('prefers the organization Group over the chain root for the company', () => {
    const h = resolveWorkloadHierarchy(
      component({ owner: 'group:default/payments' }),
      groups,
    );
    expect(h.company).toBe('group:default/acme');
    expect(h.product).toBeUndefined();
  });

  it('has no team when a department owns the workload directly', () => {
    expect(
      resolveWorkloadHierarchy(component({ owner: 'retail' }), groups),
    ).toEqual({
      product: undefined,
      department: 'group:default/retail',
      company: 'group:default/acme',
    });
  });

  it('falls back to the root Group as company and has no department when none is typed so', () => {
    expect(
      resolveWorkloadHierarchy(component({ owner: 'orphans' }), groups),
    ).toEqual({
      product: undefined,
      team: 'group:default/orphans',
      company: 'group:default/orphans',
    });
  });

  it('stops on a parent cycle', () => {
    expect(
      resolveWorkloadHierarchy(component({ owner: 'loop-a' }), groups).company,
    ).toBe('group:default/loop-b');
  });

  it('returns only the product when the owner is a user or unknown', () => {
    expect(
      resolveWorkloadHierarchy(
        component({ owner: 'user:default/jane', system: 'shop' }),
        groups,
      ),
    ).toEqual({
      product: 'system:default/shop',
    });
  });
});

describe('readDeclaredCores', () => {
  it('reads a decimal number of cores', () => {
    expect(
      readDeclaredCores(
        component({}, { 'maturity.cloudnative.dev/cores': '0.5' }),
      ),
    ).toEqual({ ok: true, value: 0.5 });
    expect(readDeclaredCores(component({}))).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it.each(['-4', 'many', '1e3', ''])(
    'names the entity, annotation and expected form for %p',
    raw => {
      const reading = readDeclaredCores(
        component({}, { 'maturity.cloudnative.dev/cores': raw }),
      );
      expect(reading).toEqual({
        ok: false,
        error: `Entity component:default/checkout has an invalid annotation maturity.cloudnative.dev/cores: ${JSON.stringify(
          raw,
        )}; expected a non-negative number of CPU cores up to 1,000,000, e.g. "16" or "0.5"`,
      });
    },
  );
});
