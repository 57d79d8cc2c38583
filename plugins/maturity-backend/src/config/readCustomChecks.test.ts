import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtInFacts, DEFAULT_CHECKS } from '@internal/plugin-maturity-common';
import { checkDefinitionSchema, readCustomChecks } from './readCustomChecks';

const refs = {
  facts: new Set([...builtInFacts(), 'acme.oncallRota']),
  cases: new Set(['zuoyebang']),
  taken: new Set(DEFAULT_CHECKS.map(c => c.id)),
};
const check = {
  id: 'oncall-rota',
  title: 'Has an on-call rota',
  dimension: 'architecture',
  side: 'business',
  weight: 2,
  rule: { kind: 'true', fact: 'acme.oncallRota' },
  rationale: 'Someone answers when it breaks.',
  remediation: 'Set up a rota.',
};

describe('custom checks', () => {
  it('writes the default checks in the same format operators do', () => {
    for (const c of DEFAULT_CHECKS)
      expect(checkDefinitionSchema.safeParse(c).success).toBe(true);
  });

  it('reads a check from config and from a file, in that order', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-checks-'));
    const file = path.join(dir, 'checks.yaml');
    fs.writeFileSync(
      file,
      [
        'checks:',
        '  - id: cpu-cap-per-replica',
        '    title: CPU request per replica at most 8 cores',
        '    dimension: compute',
        '    side: business',
        '    weight: 1',
        '    rule: { kind: atMost, fact: kubernetes.cores, limit: 8, zeroAt: 16 }',
        '    rationale: Huge replicas do not pack.',
        '    remediation: Split it.',
        '    cases: [zuoyebang]',
      ].join('\n'),
    );
    const checks = readCustomChecks([check], [file], refs);
    expect(checks.map(c => c.id)).toEqual([
      'oncall-rota',
      'cpu-cap-per-replica',
    ]);
    expect(checks[0].cases).toEqual([]);
    expect(checks[1].rule).toEqual({
      kind: 'atMost',
      fact: 'kubernetes.cores',
      limit: 8,
      zeroAt: 16,
    });
    fs.rmSync(dir, { recursive: true });
  });

  it('reads all and any of rules, nested', () => {
    const rule = {
      kind: 'any',
      rules: [
        { kind: 'true', fact: 'acme.oncallRota' },
        {
          kind: 'all',
          rules: [
            { kind: 'true', fact: 'practice.alerting' },
            { kind: 'atLeast', fact: 'kubernetes.replicas', target: 2 },
          ],
        },
      ],
    };
    expect(readCustomChecks([{ ...check, rule }], [], refs)[0].rule).toEqual(
      rule,
    );
  });

  it.each([
    [
      { ...check, rule: { kind: 'sometimes', fact: 'acme.oncallRota' } },
      /^Invalid config maturity\.customChecks\[0\]\.rule\.kind: Invalid discriminator value/,
    ],
    [
      { ...check, id: 'hpa-elastic' },
      "Invalid config maturity.customChecks[0].id: 'hpa-elastic' is already taken by a default check",
    ],
    [
      { ...check, rule: { kind: 'true', fact: 'acme.unheardOf' } },
      "Invalid config maturity.customChecks[0].rule.fact: no collector reports a fact 'acme.unheardOf'",
    ],
    [
      { ...check, appliesTo: { facts: ['nope'], values: ['x'] } },
      "Invalid config maturity.customChecks[0].appliesTo.facts[0]: no collector reports a fact 'nope'",
    ],
    [
      { ...check, cases: ['nowhere'] },
      "Invalid config maturity.customChecks[0].cases[0]: there is no case 'nowhere'",
    ],
    [
      {
        ...check,
        rule: { kind: 'atMost', fact: 'kubernetes.cores', limit: 8, zeroAt: 8 },
      },
      'Invalid config maturity.customChecks[0].rule.zeroAt: expected a number above limit (8)',
    ],
    [
      {
        ...check,
        rule: {
          kind: 'all',
          rules: [
            { kind: 'true', fact: 'acme.oncallRota' },
            { kind: 'true', fact: 'acme.unheardOf' },
          ],
        },
      },
      "Invalid config maturity.customChecks[0].rule.rules[1].fact: no collector reports a fact 'acme.unheardOf'",
    ],
    [
      {
        ...check,
        rule: {
          kind: 'any',
          rules: [
            { kind: 'true', fact: 'acme.oncallRota' },
            { kind: 'between', fact: 'kubernetes.cores', min: 4, max: 2 },
          ],
        },
      },
      'Invalid config maturity.customChecks[0].rule.rules[1].max: expected a number not below min (4)',
    ],
    [
      {
        ...check,
        rule: {
          kind: 'any',
          rules: [{ kind: 'true', fact: 'acme.oncallRota' }],
        },
      },
      'Invalid config maturity.customChecks[0].rule.rules: expected at least two rules',
    ],
    [
      { ...check, id: 'On Call' },
      'Invalid config maturity.customChecks[0].id: expected a kebab-case id',
    ],
    [
      { ...check, weight: 0 },
      /^Invalid config maturity\.customChecks\[0\]\.weight: Number must be greater than 0/,
    ],
    [
      { ...check, colour: 'blue' },
      /^Invalid config maturity\.customChecks\[0\]: Unrecognized key\(s\) in object: 'colour'/,
    ],
  ])('refuses %j', (raw, message) => {
    expect(() => readCustomChecks([raw], [], refs)).toThrow(message);
  });

  it('refuses a second check with an id the first took', () => {
    expect(() => readCustomChecks([check, check], [], refs)).toThrow(
      "Invalid config maturity.customChecks[1].id: 'oncall-rota' is already taken",
    );
  });

  it('names the file and the key in it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-checks-'));
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'checks:\n  - id: x\n');
    expect(() => readCustomChecks([], [file], refs)).toThrow(
      `Invalid check file ${file}: checks[0].title: Required`,
    );
    fs.writeFileSync(file, '- id: x\n');
    expect(() => readCustomChecks([], [file], refs)).toThrow(
      `Invalid check file ${file}: expected a YAML mapping with a list under checks`,
    );
    fs.rmSync(dir, { recursive: true });
  });
});
