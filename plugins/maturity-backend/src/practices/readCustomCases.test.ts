import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCustomCases } from './readCustomCases';

function file(content: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-'));
  const f = path.join(dir, 'cases.yaml');
  fs.writeFileSync(f, content);
  return f;
}

const good = `
- id: payments-hpa
  organisation: ACME Payments
  industry: fintech
  category: containers
  dimensions: [compute]
  summary: Put every stateless payment service behind an HPA.
  outcomes:
    - { metric: cost, change: -0.2 }
  source: ACME internal review 2026
`;

describe('readCustomCases', () => {
  it("reads operators' cases with defaults", () => {
    expect(readCustomCases([file(good)])).toEqual([
      expect.objectContaining({
        id: 'payments-hpa',
        products: [],
        tags: [],
        outcomes: [{ metric: 'cost', change: -0.2 }],
      }),
    ]);
  });

  it.each([
    [
      good.replace('dimensions: [compute]', 'dimensions: [speed]'),
      /^Invalid case file .*cases\.yaml: \[0\]\.dimensions\[0\]: Invalid enum value/,
    ],
    [
      good.replace('{ metric: cost, change: -0.2 }', '{ metric: cost }'),
      /\[0\]\.outcomes\[0\]: an outcome needs a number/,
    ],
    [
      good.replace('id: payments-hpa', 'id: zuoyebang'),
      /case id 'zuoyebang' is already taken/,
    ],
  ])('names file, case and field of a bad case', (content, message) => {
    expect(() => readCustomCases([file(content)])).toThrow(message);
  });
});
