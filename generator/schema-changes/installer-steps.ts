import type { ModelDefinition } from '../../model/schema/model.js';
import type { InstallerStep } from '../ir/installer.js';
import { forUpgradesBelow } from '../php/installer/installer-class.js';
import { phpString } from '../php/php-string.js';
import { compareVersions } from '../release.js';

/** Columns of a field as the generator emits it (field-xml.ts): an image has three, named after its code. */
export function columnsOfField(type: string, code: string): string[] {
  return type === 'image' ? [`${code}_data`, `${code}_mimetype`, `${code}_filename`] : [code];
}

/**
 * The installer steps of the model's declared schema changes, one pair per release (`since`), each run once:
 * when iTop's setup upgrades a site whose recorded version is below that release (never on a first install).
 *
 * Before iTop's setup updates the database schema (BeforeDatabaseCreation, where MetaModel already holds the new
 * datamodel): tables renamed, columns of renamed fields moved (iTop's MoveColumnInDB: the new column does not
 * exist yet, so it is created with the old one's definition and its values, and the old one dropped; the schema
 * update then alters it to the new definition), enum values renamed (iTop's RenameEnumValueInDB, which its own
 * documentation says must run before the schema update: afterwards the column already accepts the new value,
 * since iTop 3.0 keeps every value rows hold in the ENUM, and the helper does nothing).
 * After it (AfterDatabaseCreation): classes renamed in the class column of the root table (iTop's
 * RenameClassInDB, to be called after the update), rows of removed enum values set to their replacement.
 */
export function schemaChangeSteps(model: ModelDefinition): InstallerStep[] {
  const declared = model.schemaChanges ?? {};
  const releases = [...new Set([...(declared.renamed ?? []), ...(declared.removed ?? [])].map((d) => d.since))].sort(compareVersions);
  const steps: InstallerStep[] = [];
  for (const since of releases) {
    const renamed = (declared.renamed ?? []).filter((d) => d.since === since);
    const before: string[] = [];
    const after: string[] = [];
    const helpers = new Set<string>();
    for (const d of renamed.filter((r) => r.kind === 'table')) {
      before.push(`static::RenameTable(${phpString(d.class)}, ${phpString(d.from)}, ${phpString(d.table)});`);
      helpers.add(RENAME_TABLE);
    }
    for (const d of renamed) {
      if (d.kind !== 'field') continue;
      const field = model.classes.find((c) => c.name === d.class)?.fields.find((f) => f.code === d.field);
      const type = field?.type ?? 'string';
      const from = columnsOfField(type, d.from);
      columnsOfField(type, d.field).forEach((to, i) => before.push(`static::MoveColumn(${phpString(d.class)}, ${phpString(from[i] ?? d.from)}, ${phpString(to)});`));
      helpers.add(MOVE_COLUMN);
    }
    for (const d of renamed) {
      if (d.kind !== 'enumValue') continue;
      before.push(`static::RenameEnumValue(${[d.class, d.field, d.from, d.value].map(phpString).join(', ')});`);
      helpers.add(RENAME_ENUM_VALUE);
    }
    for (const d of renamed) {
      if (d.kind !== 'class') continue;
      after.push(`static::RenameClass(${phpString(d.from)}, ${phpString(d.class)});`);
      helpers.add(RENAME_CLASS);
    }
    for (const d of (declared.removed ?? []).filter((r) => r.since === since)) {
      if (d.kind !== 'enumValue' || !d.replacedBy || !d.field || !d.value) continue;
      after.push(`static::ReplaceEnumValue(${[d.class, d.field, d.value, d.replacedBy].map(phpString).join(', ')});`);
      helpers.add(REPLACE_ENUM_VALUE);
    }
    const guarded = (what: string, lines: string[]) => forUpgradesBelow(since, `schema changes of ${since}, ${what}`, lines);
    if (before.length > 0) {
      steps.push({
        hook: 'BeforeDatabaseCreation',
        comment: `Release ${since} (model schemaChanges): renames applied before iTop's setup updates the database schema, so that no value is left behind.`,
        code: guarded('before the schema update', before),
        helpers: [...helpers].filter((h) => h !== RENAME_CLASS && h !== REPLACE_ENUM_VALUE),
      });
    }
    if (after.length > 0) {
      steps.push({
        hook: 'AfterDatabaseCreation',
        comment: `Release ${since} (model schemaChanges): class renames and replaced enum values, after iTop's setup updated the database schema.`,
        code: guarded('after the schema update', after),
        helpers: [...helpers].filter((h) => h === RENAME_CLASS || h === REPLACE_ENUM_VALUE),
      });
    }
  }
  return steps;
}

const MOVE_COLUMN = `/**
 * Renames a column of the class's table, values kept (iTop's MoveColumnInDB, called before the schema update):
 * nothing to do once the old column is gone (idempotent), never fatal.
 */
protected static function MoveColumn($sClass, $sFrom, $sTo)
{
	$sTable = $sClass;
	try {
		$sTable = MetaModel::DBGetTable($sClass);
		if (!CMDBSource::IsTable($sTable) || !CMDBSource::IsField($sTable, $sFrom)) {
			static::Log('info', $sTable.'.'.$sFrom.': no such column (already renamed), nothing to move');
			return;
		}
		if (CMDBSource::IsField($sTable, $sTo)) {
			static::Log('warning', $sTable.'.'.$sFrom.': not renamed to '.$sTo.', which exists already: both columns are kept, the values of '.$sFrom.' are not copied');
			return;
		}
		static::MoveColumnInDB($sTable, $sFrom, $sTable, $sTo);
		static::Log('info', $sTable.'.'.$sFrom.' renamed to '.$sTo.', values kept');
		// MariaDB reports a NULL default as the text NULL, which iTop 3.2.0's GetFieldSpec copies as the string 'NULL' (measured)
		$aColumn = CMDBSource::QueryToArray('SHOW COLUMNS FROM \`'.$sTable.'\` WHERE Field = '.CMDBSource::Quote($sTo));
		if (isset($aColumn[0]['Default']) && $aColumn[0]['Default'] === "'NULL'" && $aColumn[0]['Null'] === 'YES') {
			CMDBSource::Query('ALTER TABLE \`'.$sTable.'\` ALTER COLUMN \`'.$sTo.'\` SET DEFAULT NULL');
			static::Log('info', $sTable.'.'.$sTo.': default set back to NULL');
		}
	} catch (Exception $e) {
		static::Log('error', $sTable.'.'.$sFrom.': not renamed to '.$sTo.': '.$e->getMessage());
	}
}`;

const RENAME_ENUM_VALUE = `/**
 * Renames an enum value in the rows (iTop's RenameEnumValueInDB, called before the schema update). When the
 * column already accepts the new value (a schema updated without this step), iTop's helper does nothing: the
 * rows still holding the old value are then renamed here. Idempotent, never fatal.
 */
protected static function RenameEnumValue($sClass, $sAttCode, $sFrom, $sTo)
{
	try {
		static::RenameEnumValueInDB($sClass, $sAttCode, $sFrom, $sTo);
		$sTable = MetaModel::DBGetTable(MetaModel::GetAttributeOrigin($sClass, $sAttCode));
		$sColumn = MetaModel::GetAttributeDef($sClass, $sAttCode)->Get('sql');
		$iLeft = (int) CMDBSource::QueryToScalar('SELECT COUNT(*) FROM \`'.$sTable.'\` WHERE \`'.$sColumn.'\` = BINARY '.CMDBSource::Quote($sFrom));
		if ($iLeft > 0) {
			$aType = CMDBSource::QueryToArray('SHOW COLUMNS FROM \`'.$sTable.'\` WHERE Field = '.CMDBSource::Quote($sColumn));
			$sType = isset($aType[0]['Type']) ? $aType[0]['Type'] : '';
			if (stripos($sType, 'enum(') === 0 && strpos($sType, "'".$sTo."'") === false) {
				static::Log('error', $sClass.'.'.$sAttCode.': '.$iLeft.' row(s) still hold '.$sFrom.', and the column does not accept '.$sTo);
				return;
			}
			CMDBSource::Query('UPDATE \`'.$sTable.'\` SET \`'.$sColumn.'\` = '.CMDBSource::Quote($sTo).' WHERE \`'.$sColumn.'\` = BINARY '.CMDBSource::Quote($sFrom));
		}
		$iNow = (int) CMDBSource::QueryToScalar('SELECT COUNT(*) FROM \`'.$sTable.'\` WHERE \`'.$sColumn.'\` = BINARY '.CMDBSource::Quote($sTo));
		static::Log('info', $sClass.'.'.$sAttCode.': value '.$sFrom.' renamed to '.$sTo.' ('.$iNow.' row(s) hold '.$sTo.')');
	} catch (Exception $e) {
		static::Log('error', $sClass.'.'.$sAttCode.': value '.$sFrom.' not renamed to '.$sTo.': '.$e->getMessage());
	}
}`;

const RENAME_TABLE = `/**
 * Renames the table of a class (before the schema update, which would otherwise create an empty one).
 * Nothing to do once the old table is gone (idempotent), never fatal.
 */
protected static function RenameTable($sClass, $sFrom, $sTo)
{
	try {
		$sPrefix = (string) MetaModel::GetConfig()->Get('db_subname');
		if (!CMDBSource::IsTable($sPrefix.$sFrom)) {
			static::Log('info', $sClass.': no table '.$sPrefix.$sFrom.' (already renamed), nothing to rename');
			return;
		}
		if (CMDBSource::IsTable($sPrefix.$sTo)) {
			static::Log('warning', $sClass.': table '.$sPrefix.$sFrom.' not renamed, '.$sPrefix.$sTo.' exists already');
			return;
		}
		CMDBSource::Query('RENAME TABLE \`'.$sPrefix.$sFrom.'\` TO \`'.$sPrefix.$sTo.'\`');
		static::Log('info', $sClass.': table '.$sPrefix.$sFrom.' renamed to '.$sPrefix.$sTo);
	} catch (Exception $e) {
		static::Log('error', $sClass.': table '.$sFrom.' not renamed to '.$sTo.': '.$e->getMessage());
	}
}`;

const RENAME_CLASS = `/**
 * Renames a class in the class column of its root table (iTop's RenameClassInDB, after the schema update).
 * Idempotent, never fatal.
 */
protected static function RenameClass($sFrom, $sTo)
{
	static::Log('info', 'renaming the objects of class '.$sFrom.' to '.$sTo);
	static::RenameClassInDB($sFrom, $sTo);
}`;

const REPLACE_ENUM_VALUE = `/**
 * Sets the rows holding a removed enum value to its replacement (after the schema update: iTop 3.x keeps a value
 * rows still hold in the column). Idempotent, never fatal.
 */
protected static function ReplaceEnumValue($sClass, $sAttCode, $sFrom, $sTo)
{
	try {
		$sTable = MetaModel::DBGetTable(MetaModel::GetAttributeOrigin($sClass, $sAttCode));
		$sColumn = MetaModel::GetAttributeDef($sClass, $sAttCode)->Get('sql');
		CMDBSource::Query('UPDATE \`'.$sTable.'\` SET \`'.$sColumn.'\` = '.CMDBSource::Quote($sTo).' WHERE \`'.$sColumn.'\` = BINARY '.CMDBSource::Quote($sFrom));
		static::Log('info', $sClass.'.'.$sAttCode.': '.CMDBSource::AffectedRows().' row(s) holding the removed value '.$sFrom.' set to '.$sTo);
	} catch (Exception $e) {
		static::Log('error', $sClass.'.'.$sAttCode.': removed value '.$sFrom.' not replaced by '.$sTo.': '.$e->getMessage());
	}
}`;
