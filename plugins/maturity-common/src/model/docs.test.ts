import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CHECKS } from './defaultChecks';
import { LEVELS } from './levels';

// Table cells as Prettier pads them, read with one space either side of each bar.
const doc = fs
  .readFileSync(path.resolve(__dirname, '../../../../docs/scoring.md'), 'utf8')
  .replace(/ *\| */g, ' | ');

describe('docs/scoring.md', () => {
  it('documents every default check with its side and weight', () => {
    for (const check of DEFAULT_CHECKS) {
      expect(doc).toContain(
        `| \`${check.id}\` | ${check.dimension} | ${check.side} | ${check.weight} |`,
      );
    }
  });

  it('documents the level bands in force', () => {
    for (const level of LEVELS)
      expect(doc).toMatch(
        new RegExp(`\\| ${level.id} \\| ${level.name} \\| ${level.minScore} `),
      );
  });
});
