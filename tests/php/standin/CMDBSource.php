<?php
/**
 * Stand-in for CMDBSource::QueryToArray (cmdbsource@3.2.0:922, 2.7.11:1052, 2.7.0:905): raw SQL run on iTop's
 * connection, every row fetched with MYSQLI_BOTH (values by column position and by name, as strings; NULL as
 * null).
 *
 * Only the one shape the generator emits is understood, strictly (anything else throws):
 *
 *   SELECT `<key>` AS `id`, `<column>` AS `<attribute>`[, …] FROM `<table>` WHERE `<key>` IN (<int>[,<int>]…)
 *
 * where <table> is the table of a described class with iTop's table prefix (MetaModel::DBGetTable), <key> its key
 * column (MetaModel::DBGetKey) and each <column> the column of an attribute that class declares, aliased by the
 * attribute's code. The rows are those of the class and its subclasses (iTop writes a row in the table of every
 * class of an object's lineage), in descending id order (SQL promises no order). Recorded as one query of
 * origin 'governance', kind 'sql', with the attributes read as columns and the ids as args.
 */

class CMDBSource
{
	const SHAPE = '/^SELECT `([A-Za-z0-9_]+)` AS `id`((?:, `[A-Za-z0-9_]+` AS `[a-z][a-z0-9_]*`)+) FROM `([A-Za-z0-9_]+)` WHERE `([A-Za-z0-9_]+)` IN \((-?[0-9]+(?:,-?[0-9]+)*)\)$/D';

	public static function QueryToArray($sSql, $iMode = 3)
	{
		if ($iMode !== 3)
		{
			throw new StandInException("stand-in SQL: only MYSQLI_BOTH rows are emulated [$sSql]");
		}
		if (!preg_match(self::SHAPE, $sSql, $aMatches))
		{
			throw new StandInException("stand-in SQL: unsupported query [$sSql]");
		}
		list(, $sKey, $sColumns, $sTable, $sWhereKey, $sIds) = $aMatches;
		$sClass = StandIn::ClassOfTable($sTable);
		if ($sClass === null)
		{
			throw new StandInException("stand-in SQL: unknown table `$sTable` (tables: prefix '".StandIn::$sTablePrefix."' + db_table) in [$sSql]");
		}
		$sKeyField = StandIn::$aClasses[$sClass]['db_key_field'];
		if (($sKey !== $sKeyField) || ($sWhereKey !== $sKeyField))
		{
			throw new StandInException("stand-in SQL: `$sTable` has the key column `$sKeyField`, not `$sKey` / `$sWhereKey` in [$sSql]");
		}
		preg_match_all('/, `([A-Za-z0-9_]+)` AS `([a-z][a-z0-9_]*)`/', $sColumns, $aSelected, PREG_SET_ORDER);
		$aAttCodes = array();
		foreach ($aSelected as list(, $sColumn, $sAlias))
		{
			$aDef = isset(StandIn::$aClasses[$sClass]['attributes'][$sAlias]) ? StandIn::$aClasses[$sClass]['attributes'][$sAlias] : null;
			if (($aDef === null) || ($aDef['sql'] !== $sColumn))
			{
				throw new StandInException("stand-in SQL: `$sTable` has no column `$sColumn` for an attribute $sAlias declared by $sClass in [$sSql]");
			}
			$aAttCodes[] = $sAlias;
		}
		$aIds = array_map('intval', explode(',', $sIds));
		StandIn::RecordQuery('governance', 'sql', $sClass, '', $aAttCodes, array('ids' => $aIds), true, $sSql);

		$aRows = array();
		foreach (array_reverse(StandIn::Select($sClass, array(array('att' => 'id', 'op' => 'IN', 'value' => $aIds))), true) as $iId => $aRecord)
		{
			$aValues = array('id' => (string)$iId);
			foreach ($aAttCodes as $sAttCode)
			{
				$value = array_key_exists($sAttCode, $aRecord) ? $aRecord[$sAttCode] : null;
				$aValues[$sAttCode] = ($value === null) ? null : (string)$value;
			}
			$aRow = array();
			foreach (array_values($aValues) as $iPosition => $value)
			{
				$aRow[$iPosition] = $value;
			}
			$aRows[] = array_merge($aRow, $aValues);
		}
		return $aRows;
	}
}
