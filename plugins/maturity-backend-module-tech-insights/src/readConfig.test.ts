import { ConfigReader } from '@backstage/config';
import { readTechInsightsConfig } from './readConfig';

const read = (techInsights?: object) =>
  readTechInsightsConfig(
    new ConfigReader({ maturity: techInsights ? { techInsights } : {} }),
  );

describe('readTechInsightsConfig', () => {
  it('reads the facts to take from Tech Insights, with defaults', () => {
    expect(read()).toBeUndefined();
    expect(
      read({
        facts: {
          groupOwner: {
            retriever: 'entityOwnershipFactRetriever',
            fact: 'hasGroupOwner',
          },
        },
      }),
    ).toEqual({
      facts: {
        groupOwner: {
          retriever: 'entityOwnershipFactRetriever',
          fact: 'hasGroupOwner',
        },
      },
      concurrency: 10,
      timeoutMs: 30_000,
    });
  });

  it.each([
    [
      { facts: { 'Group-Owner': { retriever: 'r', fact: 'f' } } },
      /^Invalid config maturity\.techInsights\.facts\.Group-Owner: expected a camelCase fact name/,
    ],
    [
      { facts: { groupOwner: { retriever: 'r' } } },
      /^Invalid config maturity\.techInsights\.facts\.groupOwner\.fact: Required/,
    ],
    [
      { facts: {}, baseUrl: 'tech-insights' },
      /^Invalid config maturity\.techInsights\.baseUrl: Invalid url/,
    ],
    [
      { facts: {}, concurrency: 0 },
      /^Invalid config maturity\.techInsights\.concurrency: Number must be greater than 0/,
    ],
  ])('refuses %j, naming the key', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
