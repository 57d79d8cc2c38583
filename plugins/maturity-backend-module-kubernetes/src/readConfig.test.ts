import { ConfigReader } from '@backstage/config';
import { readKubernetesConfig } from './readConfig';

const read = (kubernetes: object) =>
  readKubernetesConfig(new ConfigReader({ maturity: { kubernetes } }));

describe('readKubernetesConfig', () => {
  it("reads the operator's facts", () => {
    expect(
      read({
        facts: {
          serviceAccount: { path: '$.spec.template.spec.serviceAccountName' },
        },
      }).facts,
    ).toEqual({
      serviceAccount: { path: '$.spec.template.spec.serviceAccountName' },
    });
  });

  it("reads the operator's facts on a named kind apart from those on controllers", () => {
    const keda = {
      apiVersion: 'keda.sh/v1alpha1',
      plural: 'scaledobjects',
      target: '$.spec.scaleTargetRef.name',
    };
    const settings = read({
      facts: {
        serviceAccount: { path: '$.spec.template.spec.serviceAccountName' },
        kedaScaled: { resource: keda, exists: true },
      },
    });
    expect(Object.keys(settings.facts)).toEqual(['serviceAccount']);
    expect(settings.resourceFacts).toEqual({
      kedaScaled: { resource: keda, exists: true, path: undefined },
    });
  });

  it.each([
    [
      {
        facts: {
          scaled: {
            resource: {
              apiVersion: 'keda.sh/v1alpha1',
              plural: 'scaledobjects',
            },
          },
        },
      },
      'Invalid config maturity.kubernetes.facts.scaled.path: expected a JSONPath (only an exists fact on a resource may leave it out)',
    ],
    [
      {
        facts: {
          scaled: {
            exists: true,
            resource: { apiVersion: 'keda.sh', plural: 'scaledobjects' },
          },
        },
      },
      'Invalid config maturity.kubernetes.facts.scaled.resource.apiVersion: expected group/version, e.g. keda.sh/v1alpha1, or v1',
    ],
    [
      {
        facts: {
          scaled: {
            exists: true,
            resource: {
              apiVersion: 'keda.sh/v1alpha1',
              plural: 'ScaledObject',
            },
          },
        },
      },
      'Invalid config maturity.kubernetes.facts.scaled.resource.plural: expected the resource in lower case plural, e.g. scaledobjects',
    ],
    [
      {
        facts: {
          scaled: {
            exists: true,
            resource: {
              apiVersion: 'keda.sh/v1alpha1',
              plural: 'scaledobjects',
              target: 'spec.scaleTargetRef.name',
            },
          },
        },
      },
      'Invalid config maturity.kubernetes.facts.scaled.resource.target: "spec.scaleTargetRef.name" is not a JSONPath expression (it must start with $)',
    ],
    [
      {
        facts: {
          scaled: {
            exists: true,
            resource: {
              apiVersion: 'keda.sh/v1alpha1',
              plural: 'scaledobjects',
              target: '$.a',
              selector: '$.b',
            },
          },
        },
      },
      'Invalid config maturity.kubernetes.facts.scaled.resource: give target or selector, not both',
    ],
    [
      { facts: { sa: { path: 'spec.serviceAccountName' } } },
      'Invalid config maturity.kubernetes.facts.sa.path: "spec.serviceAccountName" is not a JSONPath expression (it must start with $)',
    ],
    [
      { facts: { probes: { path: '$.spec' } } },
      'Invalid config maturity.kubernetes.facts.probes: kubernetes.probes is a built-in fact; name yours differently',
    ],
    [
      { facts: { 'Service-Account': { path: '$.spec' } } },
      /^Invalid config maturity\.kubernetes\.facts\.Service-Account: expected a camelCase fact name/,
    ],
  ])('refuses %j, naming the key', (kubernetes, message) => {
    expect(() => read(kubernetes)).toThrow(message);
  });
});
