/**
 * The referenced-value-not-in lookup (LNK-2 / LNK-3) reads the referenced AEs with one raw SQL query through
 * iTop's DB layer (CMDBSource::QueryToArray), every name asked of MetaModel at run time: the table (prefix
 * included) of the class declaring the attribute, its key column, the attribute's column. These tests change
 * those names in the stand-in iTop (not in the model) and check that the generated code follows; they also check
 * that the stand-in understands only the SQL the generator emits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planGovernance } from '../../governance/plan.js';
import { renderGovernanceFile } from '../../generator/php/governance/governance-class.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import {
  describeClasses,
  fileOf,
  generate,
  governanceQueries,
  ruleIdsOf,
  runGovernanceMethods,
  runWrites,
  standInFiles,
  type Generated,
  type StandInDescription,
  type WriteCase,
} from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { cloneInputs, projectInputs } from '../support/project.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';

const ae = (id: number, aetitle: string, role: string | null) => ({
  id, aetitle, org_id: 1, role, protocol: 'DICOM', ipaddress: `10.0.0.${id}`, port: 104, endpoint_url: '', modality: 'CT', status: 'production',
  medicaldevicemie_id: 0, functionalci_id: 0, description: '',
});
/** AE 1 SCU, AE 2 SCP, AE 3 BOTH, AE 4 without role (NULL in the table). */
const existing = { Organization: [{ id: 1, name: 'Hospital' }], [AE]: [ae(1, 'CT_1', 'SCU'), ae(2, 'PACS', 'SCP'), ae(3, 'WS_1', 'BOTH'), ae(4, 'NOROLE', null)] };
const link = (name: string, source: number, target: number): WriteCase => ({
  name,
  existing,
  write: { class: LINK, op: 'create', values: { org_id: 1, source_ae_id: source, target_ae_id: target, direction: 'PUSH', status: 'planned' } },
});
const links = [
  link('SCU to SCP', 1, 2),
  link('SCP to SCU (LNK-2 and LNK-3)', 2, 1),
  link('BOTH to SCU (LNK-3)', 3, 1),
  link('source without role', 4, 2),
  link('target without role', 3, 4),
];

let php: PhpRuntime;
let generated: Generated;

beforeAll(async () => {
  php = await startPhp('8.3');
  generated = await generate(ITOP_32);
});

afterAll(() => php?.exit());

/** Another iTop naming: table prefix, key column of the AE table, column of the role. */
const renamed = (description: StandInDescription): StandInDescription => {
  const copy = structuredClone(description);
  copy.table_prefix = 'itop_x_';
  const aeClass = copy.classes[AE];
  if (!aeClass?.attributes.role) throw new Error('no AE role in the description');
  aeClass.db_key_field = 'ae_key';
  aeClass.attributes.role.sql = 'ae_role';
  return copy;
};

/** `role` declared by a parent class of the AE, with its own table and key column (as iTop stores inherited attributes). */
const inherited = (description: StandInDescription): StandInDescription => {
  const copy = structuredClone(description);
  const aeClass = copy.classes[AE];
  if (!aeClass?.attributes.role) throw new Error('no AE role in the description');
  const { role, ...others } = aeClass.attributes;
  copy.classes.MedicalDicomNode = { parent: aeClass.parent, db_table: 'medicaldicomnode', db_key_field: 'node_id', attributes: { role }, uniqueness: [], listeners: [] };
  copy.parents.MedicalDicomNode = aeClass.parent;
  aeClass.parent = 'MedicalDicomNode';
  aeClass.attributes = others;
  copy.parents[AE] = 'MedicalDicomNode';
  return copy;
};

describe('raw SQL lookup of the referenced AEs', () => {
  it('asks MetaModel for every name and runs the SQL through CMDBSource::QueryToArray', () => {
    const file = fileOf(generated, generated.includes[0] as string);
    expect(file).toContain(`$sTable = MetaModel::DBGetTable('${AE}', 'role');`);
    expect(file).toContain(`$sKey = MetaModel::DBGetKey(MetaModel::GetAttributeOrigin('${AE}', 'role'));`);
    expect(file).toContain(`$aExpressions = MetaModel::GetAttributeDef('${AE}', 'role')->GetSQLExpressions();`);
    expect(file).toContain('foreach (CMDBSource::QueryToArray($sSQL) as $aRow)');
    expect(file).toContain("implode(',', array_unique($aIds))");
    expect(file).not.toMatch(/medicaldicomapplicationentity/); // no table name written in the code
    expect(file).not.toContain('->OptimizeColumnLoad(');
    expect(file).toContain('Raw SQL through iTop\'s own DB layer rather than a DBObjectSet');
  });

  it('gives the same rule ids with another table prefix, key column and role column', async () => {
    const plain = await runWrites(php, generated, links);
    const other = await runWrites(php, generated, links, { adjustDescription: renamed });
    expect(other.map((o) => o.error)).toEqual(links.map(() => undefined));
    expect(other.map(ruleIdsOf)).toEqual(plain.map(ruleIdsOf));
    expect(plain.map(ruleIdsOf)).toEqual([[], ['LNK-2', 'LNK-3'], ['LNK-3'], [], []]);
    expect(governanceQueries(other[1] as (typeof other)[number])).toEqual([
      {
        origin: 'governance', kind: 'sql', class: AE, oql: '', columns: ['role'], args: { ids: [2, 1] }, allow_all_data: true,
        sql: 'SELECT `ae_key` AS `id`, `ae_role` AS `role` FROM `itop_x_medicaldicomapplicationentity` WHERE `ae_key` IN (2,1)',
      },
    ]);
  });

  it('reads an inherited attribute in the table of the class that declares it, by that table\'s key', async () => {
    const outcomes = await runWrites(php, generated, links, { adjustDescription: inherited });
    expect(outcomes.map((o) => o.error)).toEqual(links.map(() => undefined));
    expect(outcomes.map(ruleIdsOf)).toEqual([[], ['LNK-2', 'LNK-3'], ['LNK-3'], [], []]);
    expect(governanceQueries(outcomes[2] as (typeof outcomes)[number])).toMatchObject([
      { kind: 'sql', class: 'MedicalDicomNode', sql: 'SELECT `node_id` AS `id`, `role` AS `role` FROM `standin_medicaldicomnode` WHERE `node_id` IN (3,1)' },
    ]);
  });

  it('skips a referenced AE that is not found (iTop\'s external-key check reports it), in the same one query', async () => {
    const [outcome] = await runGovernanceMethods(php, generated, [link('missing source', 99, 1)]);
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.governance).toEqual([{ rule: 'LNK-3', severity: 'error', field: 'target_ae_id', message: expect.any(String) }]);
    expect(outcome?.queries).toMatchObject([{ kind: 'sql', args: { ids: [99, 1] } }]);
  });

  it('costs no query when source and target are the same AE (LNK-1, a local error)', async () => {
    const [same] = await runGovernanceMethods(php, generated, [link('same AE', 2, 2)]);
    expect(same?.governance.map((issue) => issue.rule)).toEqual(['LNK-1']);
    expect(same?.queries).toEqual([]);
  });
});

describe('the stand-in CMDBSource understands only the generated SQL', () => {
  const attempt = async (description: StandInDescription, queries: string[]): Promise<string[]> => {
    const { files } = standInFiles(generated);
    files['input.json'] = JSON.stringify({ description, existing });
    files['attempt.php'] = `<?php
foreach (array('StandIn', 'Dict', 'DBObject', 'DBSearch', 'CMDBSource', 'EventData') as $sName) { require_once __DIR__.'/standin/'.$sName.'.php'; }
$aInput = json_decode(file_get_contents(__DIR__.'/input.json'), true);
StandIn::Configure($aInput['description']);
foreach ($aInput['existing'] as $sClass => $aRecords) { StandIn::Load($sClass, $aRecords); }
$aOut = array();
foreach (${JSON.stringify(queries).replace(/\$/g, '\\$')} as $sSql) {
  try { $aOut[] = json_encode(CMDBSource::QueryToArray($sSql)); } catch (Exception $e) { $aOut[] = get_class($e).': '.$e->getMessage(); }
}
echo json_encode($aOut);`;
    const result = await php.run(files, 'attempt.php');
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as string[];
  };

  it('returns MYSQLI_BOTH rows of strings (NULL as null), whatever the id order asked', async () => {
    const [rows] = await attempt(describeClasses(generated), ['SELECT `id` AS `id`, `role` AS `role` FROM `standin_medicaldicomapplicationentity` WHERE `id` IN (1,4,77)']);
    expect(JSON.parse(rows as string)).toEqual([
      { 0: '4', 1: null, id: '4', role: null },
      { 0: '1', 1: 'SCU', id: '1', role: 'SCU' },
    ]);
  });

  it('fails loudly on anything else', async () => {
    const table = '`standin_medicaldicomapplicationentity`';
    const results = await attempt(describeClasses(generated), [
      'SELECT `id` AS `id`, `role` AS `role` FROM `medicaldicomapplicationentity` WHERE `id` IN (1)', // no prefix: not asked of MetaModel
      `SELECT \`id\` AS \`id\`, \`role\` AS \`role\` FROM ${table} WHERE \`id\` IN ('1')`, // quoted id
      `SELECT \`id\` AS \`id\`, \`role\` AS \`role\` FROM ${table} WHERE \`id\` IN ()`,
      `SELECT \`id\` AS \`id\`, \`role\` AS \`role\` FROM ${table} WHERE \`id\` IN (1) ORDER BY \`id\``,
      `SELECT \`id\` AS \`id\`, \`rôle\` AS \`role\` FROM ${table} WHERE \`id\` IN (1)`,
      `SELECT \`id\` AS \`id\`, \`roles\` AS \`role\` FROM ${table} WHERE \`id\` IN (1)`, // unknown column
      `SELECT \`id\` AS \`id\`, \`role\` AS \`the_role\` FROM ${table} WHERE \`id\` IN (1)`, // alias is not the attribute
      `SELECT \`id\` AS \`id\`, \`source_ae_id\` AS \`source_ae_id\` FROM ${table} WHERE \`id\` IN (1)`, // not an AE attribute
      `SELECT \`key\` AS \`id\`, \`role\` AS \`role\` FROM ${table} WHERE \`key\` IN (1)`, // wrong key column
      `SELECT \`id\` AS \`id\` FROM ${table} WHERE \`id\` IN (1)`, // no attribute
      `SELECT id, role FROM ${table} WHERE id IN (1)`,
      `DELETE FROM ${table} WHERE \`id\` IN (1)`,
    ]);
    for (const result of results) expect(result).toMatch(/^StandInException: stand-in SQL: /);
  });
});

describe('generation of the lookup', () => {
  /** The model with `role` moved to a new model parent class of the AE (what declaringClassOf walks). */
  const withParentClass = (model: ModelDefinition): ModelDefinition => {
    const aeClass = model.classes.find((cls) => cls.name === AE);
    if (!aeClass) throw new Error('no AE class');
    const role = aeClass.fields.find((field) => field.code === 'role');
    if (!role) throw new Error('no AE role');
    model.classes.unshift({ ...structuredClone(aeClass), name: 'MedicalDicomNode', dbTable: 'medicaldicomnode', fields: [role] });
    aeClass.parent = 'MedicalDicomNode';
    aeClass.fields = aeClass.fields.filter((field) => field !== role);
    return model;
  };

  it('reads an attribute declared by a model parent class with the same code (names resolved at run time)', async () => {
    const model = withParentClass(cloneInputs(await projectInputs(ITOP_32)).model);
    const file = renderGovernanceFile(model, planGovernance(model), { version: 'test' }) ?? '';
    expect(file).toContain(`$sTable = MetaModel::DBGetTable('${AE}', 'role');`);
  });

  it('refuses rules of one target class reading attributes declared by different classes (different tables)', async () => {
    const model = withParentClass(cloneInputs(await projectInputs(ITOP_32)).model);
    const lnk2 = model.rules.find((rule) => rule.id === 'LNK-2');
    if (!lnk2) throw new Error('no LNK-2');
    if (lnk2.check.kind !== 'referenced-value-not-in') throw new Error('LNK-2 is not referenced-value-not-in');
    const protect = { ...structuredClone(lnk2.check.protectReferencedSide), ruleId: 'AE-19' };
    model.rules.push({ ...structuredClone(lnk2), id: 'LNK-9', check: { kind: 'referenced-value-not-in', field: 'source_ae_id', attribute: 'protocol', values: ['OTHER'], protectReferencedSide: protect } });
    expect(() => renderGovernanceFile(model, planGovernance(model), { version: 'test' })).toThrow(
      /LNK-2, LNK-3, LNK-9: the MedicalDicomApplicationEntity attributes they read \(role, protocol\) are declared by different classes \(MedicalDicomNode, MedicalDicomApplicationEntity\)/,
    );
  });
});
