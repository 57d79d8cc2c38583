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

  it.each([
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
