/**
 * The generated PHP and the TypeScript engine (governance/engine) must report the same rule ids for the same
 * write, whatever the model. Here on the golden fixture model (one rule of every kind, other attribute and
 * rule shapes than br-medicaldevice: a single referenced-value-not-in, an https-only URL, a message with `%`),
 * and on a variant whose text-format rule allows non-ASCII characters (lengths counted in characters, not bytes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, InMemoryContext, classParentsOf, type StoredRecord } from '../../governance/engine/index.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import { generate, ruleIdsOf, runWrites, type WriteCase, type WriteOutcome } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { cloneInputs, projectInputs } from '../support/project.js';

const FIXTURE = 'tests/fixtures/models/every-kind.model.ts';
const EP = 'DemoEndpoint';
const PAIR = 'DemoPair';

const endpoint = (id: number, name: string, status: string, extra: Record<string, string | number | null> = {}): StoredRecord => ({
  id, name, org_id: 1, notes: '', port: 104, ip: `10.0.0.${id}`, url: '', status, host_id: 0, ...extra,
});
const existing: Record<string, StoredRecord[]> = {
  Organization: [{ id: 1, name: 'Org' }],
  Server: [{ id: 5, name: 'srv' }],
  [EP]: [endpoint(1, 'EP1', 'new'), endpoint(2, 'EP2', 'old'), endpoint(3, 'EP3', 'new')],
  // Pair 2 is legacy data: its A (EP2) is old, which P-2 forbids.
  [PAIR]: [{ id: 1, a_id: 1, b_id: 3 }, { id: 2, a_id: 2, b_id: 1 }],
};

const create = (cls: string, values: WriteCase['write']['values']): WriteCase['write'] => ({ class: cls, op: 'create', values });
const update = (cls: string, id: number, values: WriteCase['write']['values']): WriteCase['write'] => ({ class: cls, op: 'update', id, values });
const ep = (values: WriteCase['write']['values']) => create(EP, { name: 'EP9', org_id: 1, ip: '10.0.0.9', ...values });

const fixtureWrites: Record<string, WriteCase['write']> = {
  'endpoint with defaults only': create(EP, { name: 'EP9', org_id: 1 }),
  'endpoint valid': ep({}),
  'name too long': ep({ name: 'ABCDEFGHI' }),
  'name with a leading space': ep({ name: ' A' }),
  'name taken (case-insensitive)': ep({ name: 'ep1' }),
  'port 0': ep({ port: 0 }),
  'port "70000"': ep({ port: '70000' }),
  'port "x"': ep({ port: 'x' }),
  'port -3': ep({ port: -3 }),
  'port "12x" (iTop holds 12)': ep({ port: '12x' }),
  'port " 7" (iTop holds 7)': ep({ port: ' 7' }),
  'port "1e3" (iTop holds 1000)': ep({ port: '1e3' }),
  'port "1e6" (iTop holds 1000000)': ep({ port: '1e6' }),
  'port " " (iTop holds 0)': ep({ port: ' ' }),
  'same IP and port as EP1': ep({ ip: '10.0.0.1' }),
  'URL http (only https allowed)': ep({ url: 'http://example.org' }),
  'URL with a user': ep({ url: 'https://user@example.org' }),
  'URL valid': ep({ url: 'https://example.org/x' }),
  'URL while old': ep({ status: 'old', url: 'https://example.org' }),
  'host a server': ep({ host_id: 5 }),
  'host missing': ep({ host_id: 99 }),
  'status not a code': ep({ status: 'NEW' }),
  'endpoint A of a pair becomes old': update(EP, 1, { status: 'old' }),
  'endpoint B of a pair becomes old': update(EP, 3, { status: 'old' }),
  'endpoint A of a pair becomes old with a bad name': update(EP, 1, { status: 'old', name: 'ABCDEFGHI' }),
  'endpoint renamed': update(EP, 3, { name: 'EP33' }),
  'pair valid': create(PAIR, { a_id: 3, b_id: 1 }),
  'pair from an old endpoint': create(PAIR, { a_id: 2, b_id: 1 }),
  'pair to itself': create(PAIR, { a_id: 1, b_id: 1 }),
  'pair to itself from an old endpoint': create(PAIR, { a_id: 2, b_id: 2 }),
  'pair from a missing endpoint': create(PAIR, { a_id: 99, b_id: 1 }),
  'pair moved to an old endpoint': update(PAIR, 1, { a_id: 2 }),
  'pair keys as text': create(PAIR, { a_id: '3', b_id: '1' }),
  'legacy pair: B moved, its old A left alone (P-2 not checked)': update(PAIR, 2, { b_id: 3 }),
  'legacy pair: A written unchanged as text, B moved': update(PAIR, 2, { a_id: '2', b_id: 3 }),
  'legacy pair: A moved to another endpoint': update(PAIR, 2, { a_id: 3 }),
};

const unicodeWrites: Record<string, WriteCase['write']> = Object.fromEntries(
  ['Émile', 'émile', 'ÀÖ', 'ÉÉÉÉÉÉÉÉ', 'ÉÉÉÉÉÉÉÉÉ', '日本', 'Ω', 'A\\B', 'Ab c', 'Ab '].map((name) => [`name ${name}`, ep({ name })]),
);

/** The fixture model with D-1 allowing Latin-1 and Latin Extended-A letters except é. */
function unicodeVariant(model: ModelDefinition): void {
  const rule = model.rules.find((r) => r.id === 'D-1');
  if (rule?.check.kind !== 'text-format') throw new Error('D-1 is not a text-format rule any more');
  rule.check.allowedRanges = [[0x20, 0x7e], [0xc0, 0x17f]];
  rule.check.forbiddenCharacters = '\\é';
}

let php: PhpRuntime;
const results: { model: string; name: string; php: WriteOutcome; engine: string[] }[] = [];

async function crossCheck(label: string, writes: Record<string, WriteCase['write']>, mutate?: (model: ModelDefinition) => void) {
  const inputs = cloneInputs(await projectInputs(ITOP_32, FIXTURE));
  mutate?.(inputs.model);
  const generated = await generate(ITOP_32, inputs);
  const validator = createValidator(inputs.model);
  const cases = Object.entries(writes).map(([name, write]) => ({ name, existing, write }));
  const outcomes = await runWrites(php, generated, cases);
  cases.forEach((c, i) => {
    const context = new InMemoryContext(existing, { parents: classParentsOf(inputs.model) });
    const engine = [...new Set(validator.validate(c.write, context).map((issue) => issue.ruleId))].sort();
    results.push({ model: label, name: c.name, php: outcomes[i] as WriteOutcome, engine });
  });
}

beforeAll(async () => {
  php = await startPhp('8.3');
  await crossCheck('every-kind', fixtureWrites);
  await crossCheck('every-kind, non-ASCII title rule', unicodeWrites, unicodeVariant);
});

afterAll(() => php?.exit());

describe('generated PHP and TypeScript engine agree', () => {
  it('on every write of the fixture model and of its non-ASCII variant', () => {
    const disagreements = results
      .filter((r) => r.php.error !== undefined || JSON.stringify(ruleIdsOf(r.php)) !== JSON.stringify(r.engine))
      .map((r) => `${r.model} / ${r.name}: PHP ${r.php.error ?? JSON.stringify(ruleIdsOf(r.php))}, engine ${JSON.stringify(r.engine)}`);
    expect(disagreements).toEqual([]);
  });

  it('and the writes exercise every rule kind, both failing and passing', () => {
    const seen = new Set(results.flatMap((r) => r.engine));
    for (const id of ['D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6', 'D-7', 'D-8', 'P-1', 'P-2', 'ITOP-EXTKEY', 'ITOP-ENUM']) expect(seen, id).toContain(id);
    expect(seen).not.toContain('ITOP-INTEGER');
  });

  it('casts integers as iTop does and checks a key only when it changes', () => {
    const ids = (name: string) => ruleIdsOf(results.find((r) => r.name === name)?.php as WriteOutcome);
    expect(ids('port "x"')).toEqual(['D-5']);
    expect(ids('port "12x" (iTop holds 12)')).toEqual([]);
    expect(ids('port "1e6" (iTop holds 1000000)')).toEqual(['D-5']);
    expect(ids('port " " (iTop holds 0)')).toEqual(['D-5']);
    expect(ids('legacy pair: B moved, its old A left alone (P-2 not checked)')).toEqual([]);
    expect(ids('legacy pair: A written unchanged as text, B moved')).toEqual([]);
    expect(ids('pair moved to an old endpoint')).toEqual(['P-2']);
    expect(results.some((r) => r.engine.length === 0)).toBe(true);
  });

  it('counts a title length in characters, not bytes', () => {
    const ids = (name: string) => ruleIdsOf(results.find((r) => r.name === name)?.php as WriteOutcome);
    expect(ids('name ÉÉÉÉÉÉÉÉ')).not.toContain('D-1');
    expect(ids('name ÉÉÉÉÉÉÉÉÉ')).toContain('D-1');
    expect(ids('name Émile')).not.toContain('D-1');
    expect(ids('name émile')).toContain('D-1');
  });
});
