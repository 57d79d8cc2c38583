import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const root = path.resolve(__dirname, '../../../..');

/** The demo organisation's entities, as the catalog would hand them over. */
export const demoEntities: Entity[] = [
  'org',
  'systems',
  'components',
  'apis',
].flatMap(file =>
  YAML.parseAllDocuments(
    fs.readFileSync(path.join(root, 'catalog-info', `${file}.yaml`), 'utf8'),
  ).map(d => ({
    ...d.toJSON(),
    metadata: { namespace: 'default', ...d.toJSON().metadata },
  })),
);

const {
  history,
  techInsights: _techInsights,
  customChecks: _customChecks,
  ...demo
} = YAML.parse(
  fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
).maturity;

/**
 * The demo's `maturity` config, run on a schedule that starts at once. Without the demo's
 * recorded past: these tests score today (packages/backend's demo test writes the past). Without
 * Tech Insights and the demo's check on its facts, whose module these tests do not install.
 */
export const demoMaturityConfig = {
  ...demo,
  cost: {
    ...demo.cost,
    ratesFile: path.join(root, 'demo-data/rates.csv'),
  },
  history: { ...history, backfillFile: undefined },
  schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
};
