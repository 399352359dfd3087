/**
 * The generated governance check methods, called directly inside the stand-in iTop (PHP 8.3, iTop 3.2 build),
 * return exactly the issues the TypeScript engine reports for the rules of the generated PHP: same rules, same
 * count (required-when and empty-when: ONE issue per rule, on the first offending field declared), same field,
 * same severity, same English message, in the same order. On every shared vector, and on a variant of the
 * fixture model whose required-when and empty-when rules list several fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classParentsOf, createValidator, InMemoryContext, type StoredRecord } from '../../governance/engine/index.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import { generate, runGovernanceMethods, type DirectOutcome, type GovernanceIssue, type WriteCase } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { cloneInputs, projectInputs } from '../support/project.js';
import { loadVectorFiles } from '../support/vectors.js';

interface Compared {
  name: string;
  php: DirectOutcome;
  engine: GovernanceIssue[];
}

let php: PhpRuntime;
const shared: Compared[] = [];
const variant: Compared[] = [];

/** The engine's issues of the rules the generated PHP enforces, in the shape the PHP method returns. */
async function compare(model: ModelDefinition, cases: WriteCase[], generated: Awaited<ReturnType<typeof generate>>, into: Compared[]) {
  const validator = createValidator(model);
  const byGeneratedPhp = new Set(validator.plan.filter((rule) => rule.enforcement === 'generated-php').map((rule) => rule.id));
  const outcomes = await runGovernanceMethods(php, generated, cases);
  cases.forEach((c, i) => {
    const context = new InMemoryContext(c.existing as Record<string, StoredRecord[]>, { parents: classParentsOf(model) });
    const engine = validator
      .validate(c.write, context)
      .filter((issue) => byGeneratedPhp.has(issue.ruleId))
      .map((issue) => ({ rule: issue.ruleId, severity: issue.severity, field: issue.field ?? '', message: issue.message }));
    into.push({ name: c.name, php: outcomes[i] as DirectOutcome, engine });
  });
}

const EP = 'DemoEndpoint';
const endpoints: Record<string, StoredRecord[]> = {
  Organization: [{ id: 1, name: 'Org' }],
  [EP]: [{ id: 1, name: 'EP1', org_id: 1, notes: '', port: 104, ip: '10.0.0.1', url: '', status: 'new', host_id: 0 }],
};
const ep = (values: WriteCase['write']['values']): WriteCase['write'] => ({ class: EP, op: 'create', values: { name: 'EP9', org_id: 1, ...values } });
const variantWrites: Record<string, WriteCase['write']> = {
  'new, nothing of ip, url, notes: D-3 once, on ip': ep({ status: 'new' }),
  'new, ip only: D-3 once, on url': ep({ status: 'new', ip: '10.0.0.9' }),
  'new, ip and url: D-3 once, on notes': ep({ status: 'new', ip: '10.0.0.9', url: 'https://example.org' }),
  'new, all three: no D-3': ep({ status: 'new', ip: '10.0.0.9', url: 'https://example.org', notes: 'n' }),
  'old, url and notes: D-4 once, on url': ep({ status: 'old', url: 'https://example.org', notes: 'n' }),
  'old, notes only: D-4 once, on notes': ep({ status: 'old', notes: 'n' }),
  'old, neither: no D-4': ep({ status: 'old' }),
  'update to old with notes stored, url written: D-4 on url': { class: EP, op: 'update', id: 1, values: { status: 'old', notes: 'n', url: 'https://example.org' } },
  'port "abc" is 0: D-5': ep({ port: 'abc' }),
  'port "12abc" is 12': ep({ port: '12abc' }),
};

/** D-3 (required-when) over ip, url and notes; D-4 (empty-when) over url and notes. */
function severalFields(model: ModelDefinition): void {
  const d3 = model.rules.find((r) => r.id === 'D-3');
  const d4 = model.rules.find((r) => r.id === 'D-4');
  if (d3?.check.kind !== 'required-when' || d4?.check.kind !== 'empty-when') throw new Error('D-3 / D-4 changed kind');
  d3.check.fields = ['ip', 'url', 'notes'];
  d4.check.fields = ['url', 'notes'];
}

beforeAll(async () => {
  php = await startPhp('8.3');
  const inputs = await projectInputs(ITOP_32);
  const vectors = loadVectorFiles().flatMap((file) => file.vectors.map((v) => ({ name: `${file.file} / ${v.name}`, existing: v.existing, write: v.write })));
  await compare(inputs.model, vectors, await generate(ITOP_32, inputs), shared);

  const fixture = cloneInputs(await projectInputs(ITOP_32, 'tests/fixtures/models/every-kind.model.ts'));
  severalFields(fixture.model);
  const cases = Object.entries(variantWrites).map(([name, write]) => ({ name, existing: endpoints, write }));
  await compare(fixture.model, cases, await generate(ITOP_32, fixture), variant);
});

afterAll(() => php?.exit());

const disagreements = (results: Compared[]) =>
  results
    .filter((r) => r.php.error !== undefined || JSON.stringify(r.php.governance) !== JSON.stringify(r.engine))
    .map((r) => `${r.name}:\n  PHP    ${r.php.error ?? JSON.stringify(r.php.governance)}\n  engine ${JSON.stringify(r.engine)}`);

describe('issues of the generated check methods', () => {
  it('match the engine on every shared vector (rule, severity, field, message, order)', () => {
    expect(disagreements(shared)).toEqual([]);
    expect(shared.length).toBeGreaterThanOrEqual(90);
  });

  it('give AE-3 once, on ipaddress, when IP and port are both missing', () => {
    const both = shared.filter((r) => r.engine.filter((i) => i.rule === 'AE-3').length > 0 && r.name.includes('no IP, no port'));
    expect(both.length).toBeGreaterThan(0);
    for (const r of both) expect(r.php.governance.filter((i) => i.rule === 'AE-3').map((i) => i.field), r.name).toEqual(['ipaddress']);
  });

  it('match the engine on required-when / empty-when rules over several fields: one issue, first offending field', () => {
    expect(disagreements(variant)).toEqual([]);
    const fieldsOf = (name: string, rule: string) => variant.find((r) => r.name === name)?.php.governance.filter((i) => i.rule === rule).map((i) => i.field);
    expect(fieldsOf('new, nothing of ip, url, notes: D-3 once, on ip', 'D-3')).toEqual(['ip']);
    expect(fieldsOf('new, ip only: D-3 once, on url', 'D-3')).toEqual(['url']);
    expect(fieldsOf('new, ip and url: D-3 once, on notes', 'D-3')).toEqual(['notes']);
    expect(fieldsOf('new, all three: no D-3', 'D-3')).toEqual([]);
    expect(fieldsOf('old, url and notes: D-4 once, on url', 'D-4')).toEqual(['url']);
    expect(fieldsOf('old, notes only: D-4 once, on notes', 'D-4')).toEqual(['notes']);
    expect(fieldsOf('update to old with notes stored, url written: D-4 on url', 'D-4')).toEqual(['url']);
    expect(fieldsOf('port "abc" is 0: D-5', 'D-5')).toEqual(['port']);
    expect(fieldsOf('port "12abc" is 12', 'D-5')).toEqual([]);
  });
});
