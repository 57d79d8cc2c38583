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

/** The demo's `maturity` config, run on a schedule that starts at once. */
export const demoMaturityConfig = {
  ...YAML.parse(fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'))
    .maturity,
  schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
};
