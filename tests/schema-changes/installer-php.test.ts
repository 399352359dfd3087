/**
 * Each declared rename becomes installer code that real PHP runs against a stand-in of iTop's setup API over
 * in-memory tables (standin/installer-standin.php): the rows' values change, a second run changes nothing, a
 * first install and a site already at the release are left alone. The same code ran on a real iTop 3.2.0 with
 * tests/itop/schema-changes.sh (docs/SCHEMA-CHANGES.md).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderInstallerClass } from '../../generator/php/installer/installer-class.js';
import { schemaChangeSteps } from '../../generator/schema-changes/installer-steps.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { projectInputs } from '../support/project.js';
import { declare, releaseB } from './model-edits.js';

const STANDIN = readFileSync(new URL('./standin/installer-standin.php', import.meta.url), 'utf8');
const AE = 'MedicalDicomApplicationEntity';
const MODALITIES = "enum('CT','MR','OT')";

let php: PhpRuntime;
let model: ModelDefinition;
beforeAll(async () => {
  php = await startPhp('8.3');
  model = releaseB((await projectInputs()).model, { declared: true, since: '4.1.0' });
  // one of every other installer-backed declaration, beside the two renames
  declare(model, {
    renamed: [
      { kind: 'class', since: '4.1.0', class: 'MedicalDeviceTubeSorter', from: 'MedicalDeviceSorter' },
      { kind: 'table', since: '4.1.0', class: 'MedicalDicomCommunicationLink', table: 'medicaldicomcommunicationlink', from: 'dicomlink' },
    ],
    removed: [{ kind: 'enumValue', since: '4.1.0', class: AE, field: 'status', value: 'retired', replacedBy: 'obsolete', note: 'retired merged into obsolete' }],
  });
}, 60_000);
afterAll(() => php?.exit());

interface Run {
  tables: Record<string, { columns: Record<string, string>; rows: Record<string, string>[] }>;
  log: string[];
  sql: string[];
}

/** Runs the generated installer's hooks as iTop's setup does (Before…, schema update, After…), `times` times. */
async function runInstaller(previous: string, times = 1, modalities = MODALITIES): Promise<Run> {
  const installer = renderInstallerClass('br-medicaldevice', schemaChangeSteps(model));
  const script = `<?php
require 'standin.php';
MetaModel::$aClasses = array(
	'${AE}' => array('table' => 'medicaldicomapplicationentity', 'root' => '${AE}', 'fields' => array(
		'modality' => array('sql' => 'modality', 'values' => array('CT', 'MR', 'OTHER')),
		'status' => array('sql' => 'status', 'values' => array('implementation', 'production', 'obsolete')),
		'notes' => array('sql' => 'notes'))),
	'MedicalDicomCommunicationLink' => array('table' => 'medicaldicomcommunicationlink', 'root' => 'MedicalDicomCommunicationLink', 'fields' => array()),
	'MedicalDeviceTubeSorter' => array('table' => 'medicaldevicetubesorter', 'root' => 'FunctionalCI', 'fields' => array()),
	'FunctionalCI' => array('table' => 'functionalci', 'root' => 'FunctionalCI', 'fields' => array()),
);
DB::$aTables = array(
	'medicaldicomapplicationentity' => array('columns' => array('id' => 'int', 'modality' => "${modalities}", 'status' => "enum('implementation','production','obsolete','retired')", 'description' => 'text'), 'rows' => array(
		array('id' => '1', 'modality' => 'OT', 'status' => 'retired', 'description' => 'first (é)'),
		array('id' => '2', 'modality' => 'CT', 'status' => 'production', 'description' => 'second'),
		array('id' => '3', 'modality' => 'OT', 'status' => 'obsolete', 'description' => null))),
	'dicomlink' => array('columns' => array('id' => 'int'), 'rows' => array(array('id' => '7'))),
	'functionalci' => array('columns' => array('id' => 'int', 'finalclass' => 'varchar'), 'rows' => array(
		array('id' => '5', 'finalclass' => 'MedicalDeviceSorter'), array('id' => '6', 'finalclass' => 'Server'))),
);
${installer.replace(/^<\?php\n?/, '')}
for ($i = 0; $i < ${times}; $i++) {
	BrMedicaldeviceInstaller::BeforeDatabaseCreation(new Config(), '${previous}', '4.1.0');
	// iTop 3.x's schema update keeps in an ENUM every value rows hold: nothing to simulate for these rows
	BrMedicaldeviceInstaller::AfterDatabaseCreation(new Config(), '${previous}', '4.1.0');
}
echo json_encode(array('tables' => DB::$aTables, 'log' => SetupLog::$aLines, 'sql' => DB::$aSql));
`;
  const result = await php.run({ 'standin.php': STANDIN, 'run.php': script }, 'run.php');
  expect(result.stderr, result.stdout).toBe('');
  return JSON.parse(result.stdout) as Run;
}

describe('declared schema changes: generated installer code run by real PHP', () => {
  it('renames the enum value and the field in the rows, renames the class and the table, replaces a removed value', async () => {
    const run = await runInstaller('4.0.0');
    const ae = run.tables['medicaldicomapplicationentity'];
    expect(ae?.rows).toEqual([
      { id: '1', modality: 'OTHER', status: 'obsolete', notes: 'first (é)' },
      { id: '2', modality: 'CT', status: 'production', notes: 'second' },
      { id: '3', modality: 'OTHER', status: 'obsolete', notes: null },
    ]);
    expect(Object.keys(ae?.columns ?? {})).toEqual(['id', 'modality', 'status', 'notes']);
    expect(ae?.columns['modality']).toBe("enum('ct','mr','other')");
    expect(run.tables['dicomlink']).toBeUndefined();
    expect(run.tables['medicaldicomcommunicationlink']?.rows).toEqual([{ id: '7' }]);
    expect(run.tables['functionalci']?.rows).toEqual([
      { id: '5', finalclass: 'MedicalDeviceTubeSorter' },
      { id: '6', finalclass: 'Server' },
    ]);
    expect(run.log).toContain(`info: br-medicaldevice: ${AE}.modality: value OT renamed to OTHER (2 row(s) hold OTHER)`);
    expect(run.log).toContain('info: br-medicaldevice: medicaldicomapplicationentity.description renamed to notes, values kept');
    expect(run.log).toContain(`info: br-medicaldevice: ${AE}.status: 1 row(s) holding the removed value retired set to obsolete`);
  });

  it('is idempotent: a second run in the same setup changes nothing more', async () => {
    const once = await runInstaller('4.0.0');
    const twice = await runInstaller('4.0.0', 2);
    expect(twice.tables).toEqual(once.tables);
    expect(twice.log.filter((line) => line.startsWith('error') || line.startsWith('warning'))).toEqual([]);
  });

  it('does nothing on a first install or on a site already at the release', async () => {
    for (const previous of ['', '4.1.0', '4.2.0']) {
      const run = await runInstaller(previous);
      expect(run.sql, previous).toEqual([]);
      expect(run.tables['medicaldicomapplicationentity']?.rows[0]).toEqual({ id: '1', modality: 'OT', status: 'retired', description: 'first (é)' });
    }
  });

  it('renames the rows left behind when the column already accepts the new value (iTop helper then does nothing)', async () => {
    const run = await runInstaller('4.0.0', 1, "enum('CT','MR','OTHER','OT')");
    expect(run.tables['medicaldicomapplicationentity']?.rows.map((row) => row['modality'])).toEqual(['OTHER', 'CT', 'OTHER']);
  });

  it('places each step in the hook iTop helpers require', () => {
    const installer = renderInstallerClass('br-medicaldevice', schemaChangeSteps(model));
    expect(installer).toContain("static::RenameEnumValue('MedicalDicomApplicationEntity', 'modality', 'OT', 'OTHER');");
    expect(installer).toMatch(/public static function BeforeDatabaseCreation[\s\S]*MoveColumn\('MedicalDicomApplicationEntity', 'description', 'notes'\)[\s\S]*RenameEnumValue/);
    expect(installer).toMatch(/public static function AfterDatabaseCreation[\s\S]*RenameClass\('MedicalDeviceSorter', 'MedicalDeviceTubeSorter'\)/);
  });
});
