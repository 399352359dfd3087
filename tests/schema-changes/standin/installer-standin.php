<?php
// A stand-in of the few iTop setup classes the generated installer calls, over in-memory tables, recording every SQL
// statement. ModuleInstallerAPI's helpers follow iTop 3.2.0's (setup/moduleinstaller.class.inc.php): MoveColumnInDB
// creates the destination column only when missing, copies and drops; RenameEnumValueInDB does nothing when the
// column already accepts the new value; RenameClassInDB renames the root table's class column.
class Config { public function Get($s) { return ''; } }
class SetupLog {
	public static $aLines = array();
	public static function Info($s) { self::$aLines[] = 'info: '.$s; }
	public static function Warning($s) { self::$aLines[] = 'warning: '.$s; }
	public static function Error($s) { self::$aLines[] = 'error: '.$s; }
}
class DB {
	/** table => ['columns' => [name => type], 'rows' => [[col => value]]] */
	public static $aTables = array();
	public static $aSql = array();
	public static $iAffected = 0;
}
class AttDef {
	public $aParams;
	public function __construct($aParams) { $this->aParams = $aParams; }
	public function Get($s) { return $this->aParams[$s]; }
	public function GetSQLColumns() { return array($this->aParams['sql'] => 'x'); }
}
class MetaModel {
	/** class => ['table' => t, 'root' => class, 'fields' => [code => ['sql' => col, 'values' => [...]]]] */
	public static $aClasses = array();
	public static function GetConfig() { return new Config(); }
	public static function DBGetTable($sClass, $sAttCode = null) { return self::$aClasses[$sClass]['table']; }
	public static function GetAttributeOrigin($sClass, $sAttCode) { return $sClass; }
	public static function IsValidAttCode($sClass, $sAttCode) { return isset(self::$aClasses[$sClass]['fields'][$sAttCode]); }
	public static function GetAttributeDef($sClass, $sAttCode) { return new AttDef(self::$aClasses[$sClass]['fields'][$sAttCode]); }
	public static function IsStandaloneClass($sClass) { return self::$aClasses[$sClass]['root'] === $sClass; }
	public static function GetRootClass($sClass) { return self::$aClasses[$sClass]['root']; }
	public static function DBGetClassField($sClass) { return 'finalclass'; }
}
class CMDBSource {
	public static function Quote($s) { return "'".str_replace("'", "\\'", $s)."'"; }
	public static function IsTable($t) { return isset(DB::$aTables[$t]); }
	public static function IsField($t, $c) { return isset(DB::$aTables[$t]['columns'][$c]); }
	public static function AffectedRows() { return DB::$iAffected; }
	public static function QueryToScalar($s) { $a = self::QueryToArray($s); return reset($a[0]); }
	public static function QueryToArray($s) {
		DB::$aSql[] = $s;
		if (preg_match("/^SHOW COLUMNS FROM `(\\w+)` WHERE Field = '(\\w+)'$/", $s, $m)) {
			return isset(DB::$aTables[$m[1]]['columns'][$m[2]]) ? array(array('Field' => $m[2], 'Type' => DB::$aTables[$m[1]]['columns'][$m[2]])) : array();
		}
		if (preg_match("/^SELECT COUNT\\(\\*\\) FROM `(\\w+)` WHERE `(\\w+)` = BINARY '(\\w+)'$/", $s, $m)) {
			$n = 0;
			foreach (DB::$aTables[$m[1]]['rows'] as $r) { if ($r[$m[2]] === $m[3]) $n++; }
			return array(array('COUNT(*)' => $n));
		}
		throw new Exception('stand-in: unexpected query '.$s);
	}
	public static function Query($s) {
		DB::$aSql[] = $s;
		if (preg_match("/^UPDATE `(\\w+)` SET `(\\w+)` = '(\\w+)' WHERE `(\\w+)` = BINARY '(\\w+)'$/", $s, $m)) {
			DB::$iAffected = 0;
			foreach (DB::$aTables[$m[1]]['rows'] as &$r) { if ($r[$m[4]] === $m[5]) { $r[$m[2]] = $m[3]; DB::$iAffected++; } }
			return;
		}
		if (preg_match("/^ALTER TABLE `(\\w+)` MODIFY `(\\w+)` (ENUM\\(.*\\))/", $s, $m)) {
			DB::$aTables[$m[1]]['columns'][$m[2]] = strtolower(str_replace(' ', '', $m[3]));
			return;
		}
		if (preg_match("/^RENAME TABLE `(\\w+)` TO `(\\w+)`$/", $s, $m)) {
			DB::$aTables[$m[2]] = DB::$aTables[$m[1]];
			unset(DB::$aTables[$m[1]]);
			return;
		}
		throw new Exception('stand-in: unexpected statement '.$s);
	}
}
abstract class ModuleInstallerAPI {
	public static function MoveColumnInDB($sOrigTable, $sOrigColumn, $sDstTable, $sDstColumn, $bIgnoreExistingDstColumn = false) {
		if (!CMDBSource::IsField($sOrigTable, $sOrigColumn)) return;
		if (CMDBSource::IsField($sDstTable, $sDstColumn) && !$bIgnoreExistingDstColumn) return;
		DB::$aSql[] = "ALTER TABLE `$sDstTable` ADD `$sDstColumn` (spec of $sOrigColumn)";
		DB::$aTables[$sDstTable]['columns'][$sDstColumn] = DB::$aTables[$sOrigTable]['columns'][$sOrigColumn];
		DB::$aSql[] = "UPDATE `$sDstTable` AS d LEFT JOIN `$sOrigTable` AS o ON d.id = o.id SET d.`$sDstColumn` = o.`$sOrigColumn` WHERE o.`$sOrigColumn` IS NOT NULL";
		foreach (DB::$aTables[$sDstTable]['rows'] as &$r) { $r[$sDstColumn] = $r[$sOrigColumn]; unset($r[$sOrigColumn]); }
		DB::$aSql[] = "ALTER TABLE `$sOrigTable` DROP `$sOrigColumn`";
		unset(DB::$aTables[$sOrigTable]['columns'][$sOrigColumn]);
	}
	public static function RenameEnumValueInDB($sClass, $sAttCode, $sFrom, $sTo) {
		$sTable = MetaModel::DBGetTable($sClass);
		$oAttDef = MetaModel::GetAttributeDef($sClass, $sAttCode);
		$sCol = $oAttDef->Get('sql');
		$aNew = $oAttDef->Get('values');
		if (!in_array($sTo, $aNew) || in_array($sFrom, $aNew)) return;
		$aFields = CMDBSource::QueryToArray("SHOW COLUMNS FROM `$sTable` WHERE Field = '$sCol'");
		if (!preg_match("/^enum\\('(.*)'\\)$/", $aFields[0]['Type'], $m)) return;
		$aCurrent = explode("','", $m[1]);
		if (in_array($sTo, $aCurrent)) return; // "already transformed"
		CMDBSource::Query("ALTER TABLE `$sTable` MODIFY `$sCol` ENUM('".implode("','", array_merge($aCurrent, array($sTo)))."')");
		CMDBSource::Query("UPDATE `$sTable` SET `$sCol` = '$sTo' WHERE `$sCol` = BINARY '$sFrom'");
		SetupLog::Info("Changing enum in DB - ".DB::$iAffected." rows updated");
		CMDBSource::Query("ALTER TABLE `$sTable` MODIFY `$sCol` ENUM('".implode("','", array_map(function ($v) use ($sFrom, $sTo) { return $v === $sFrom ? $sTo : $v; }, $aCurrent))."')");
	}
	public static function RenameClassInDB($sFrom, $sTo) {
		if (MetaModel::IsStandaloneClass($sTo)) return;
		$sTable = MetaModel::DBGetTable(MetaModel::GetRootClass($sTo));
		CMDBSource::Query("UPDATE `$sTable` SET `finalclass` = '$sTo' WHERE `finalclass` = BINARY '$sFrom'");
	}
}
