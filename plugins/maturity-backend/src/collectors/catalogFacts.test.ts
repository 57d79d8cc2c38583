import { entity } from '../__testUtils__/entities';
import { checkJsonPathFacts } from '@internal/plugin-maturity-node';
import { catalogFactId, CatalogFacts } from './catalogFacts';

describe('CatalogFacts', () => {
  const facts = new CatalogFacts({
    lifecycle: { path: '$.spec.lifecycle' },
    onCall: {
      path: "$.metadata.annotations['pagerduty.com/service-id']",
      exists: true,
    },
    apis: { path: '$.spec.providesApis' },
    tier: { path: '$.metadata.labels.tier' },
  });

  it('reads each fact by its path: a value, whether it exists, a list by its length', () => {
    const cart = entity(
      'Component',
      'cart',
      { lifecycle: 'production', owner: 'shop', providesApis: ['a', 'b'] },
      { 'pagerduty.com/service-id': 'P123' },
    );
    expect(facts.of(cart).facts).toEqual({
      'catalog.lifecycle': 'production',
      'catalog.onCall': true,
      'catalog.apis': 2,
    });
    expect(facts.of(cart).origins['catalog.onCall']).toEqual({
      source: 'catalog',
      from: "entity $.metadata.annotations['pagerduty.com/service-id']",
    });
    // No match: unknown, or false for an existence fact.
    expect(facts.of(entity('Component', 'bare', {})).facts).toEqual({
      'catalog.onCall': false,
    });
  });

  it.each([
    ['$.spec[?(', 'an unclosed ('],
    ["$.metadata.annotations['x]", "an unclosed '"],
    ['$.spec]', 'an unmatched ]'],
    ['spec.lifecycle', 'it must start with $'],
  ])('refuses %s, naming the key', (path, problem) => {
    expect(() =>
      checkJsonPathFacts(
        'maturity.catalogFacts',
        { broken: { path } },
        catalogFactId,
      ),
    ).toThrow(
      `Invalid config maturity.catalogFacts.broken.path: ${JSON.stringify(
        path,
      )} is not a JSONPath expression (${problem})`,
    );
  });
});
