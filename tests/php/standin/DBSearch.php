<?php
/**
 * Stand-ins for DBObjectSearch, DBObjectSet, MetaModel::GetObject and the MetaModel naming API that raw SQL uses
 * (DBGetTable, DBGetKey, GetAttributeOrigin, GetAttributeDef()->GetSQLExpressions(); see CMDBSource.php). Every query they run is recorded with
 * origin 'governance' (the code under test asked for it): OQL text, kind (select, count, get), columns
 * loaded (OptimizeColumnLoad) and arguments.
 *
 * The OQL understood is the subset the generator and the uniqueness filters emit; anything else throws:
 *   SELECT <Class> [WHERE <condition> [AND <condition>]…]
 *   <condition>: att = :param | att IN (:param) | att = 'text' | att != 'text' | att = <int> | att != <int>
 *                | ISNULL(att) = 0|1
 */

class DBObjectSearch
{
	/** @var string */
	private $sClass;
	/** @var string */
	private $sOql;
	/** @var array[] conditions: att, op, and either value or param */
	private $aConditions = array();
	/** @var bool */
	private $bAllowAllData = false;

	public function __construct($sClass)
	{
		$this->sClass = $sClass;
		$this->sOql = "SELECT $sClass";
	}

	public static function FromOQL($sQuery, $aParams = null)
	{
		if (!preg_match('/^\s*SELECT\s+([A-Za-z][A-Za-z0-9_]*)(?:\s+WHERE\s+(.+?))?\s*$/s', $sQuery, $aMatches))
		{
			throw new StandInException("stand-in OQL: unsupported query [$sQuery]");
		}
		$oSearch = new DBObjectSearch($aMatches[1]);
		$oSearch->sOql = $sQuery;
		if (isset($aMatches[2]) && ($aMatches[2] !== ''))
		{
			foreach (preg_split('/\s+AND\s+/i', $aMatches[2]) as $sCondition)
			{
				$oSearch->aConditions[] = self::ParseCondition(trim($sCondition), $sQuery);
			}
		}
		return $oSearch;
	}

	private static function ParseCondition($sCondition, $sQuery)
	{
		$sAtt = '([a-z][a-z0-9_]*)';
		if (preg_match("/^$sAtt\\s*=\\s*:([A-Za-z0-9_]+)$/", $sCondition, $aMatch))
		{
			return array('att' => $aMatch[1], 'op' => '=', 'param' => $aMatch[2]);
		}
		if (preg_match("/^$sAtt\\s+IN\\s*\\(\\s*:([A-Za-z0-9_]+)\\s*\\)$/i", $sCondition, $aMatch))
		{
			return array('att' => $aMatch[1], 'op' => 'IN', 'param' => $aMatch[2]);
		}
		if (preg_match("/^$sAtt\\s*(=|!=)\\s*'((?:[^'\\\\]|\\\\.)*)'$/", $sCondition, $aMatch))
		{
			return array('att' => $aMatch[1], 'op' => $aMatch[2], 'value' => stripslashes($aMatch[3]));
		}
		if (preg_match("/^$sAtt\\s*(=|!=)\\s*(-?[0-9]+)$/", $sCondition, $aMatch))
		{
			return array('att' => $aMatch[1], 'op' => $aMatch[2], 'value' => (int)$aMatch[3]);
		}
		if (preg_match("/^ISNULL\\($sAtt\\)\\s*=\\s*([01])$/", $sCondition, $aMatch))
		{
			return array('att' => $aMatch[1], 'op' => 'ISNULL', 'value' => $aMatch[2] === '1');
		}
		throw new StandInException("stand-in OQL: unsupported condition [$sCondition] in [$sQuery]");
	}

	public function AddCondition($sFilterCode, $value, $sOpCode = null)
	{
		$sOp = ($sOpCode === null) ? '=' : $sOpCode;
		if ($sOp === '<>')
		{
			$sOp = '!=';
		}
		if (!in_array($sOp, array('=', '!='), true))
		{
			throw new StandInException("stand-in OQL: unsupported AddCondition operator [$sOp]");
		}
		$this->aConditions[] = array('att' => $sFilterCode, 'op' => $sOp, 'value' => $value);
		$this->sOql .= (strpos($this->sOql, ' WHERE ') === false ? ' WHERE ' : ' AND ')."$sFilterCode $sOp ".var_export($value, true);
	}

	public function AllowAllData($bAllowAllData = true)
	{
		$this->bAllowAllData = $bAllowAllData;
	}

	public function IsAllDataAllowed()
	{
		return $this->bAllowAllData;
	}

	public function GetClass()
	{
		return $this->sClass;
	}

	public function GetClassAlias()
	{
		return $this->sClass;
	}

	public function ToOQL()
	{
		return $this->sOql;
	}

	/** Stand-in only: the conditions with their parameters bound. */
	public function StandInConditions(array $aArgs)
	{
		$aBound = array();
		foreach ($this->aConditions as $aCondition)
		{
			if (isset($aCondition['param']))
			{
				if (!array_key_exists($aCondition['param'], $aArgs))
				{
					throw new StandInException("stand-in OQL: missing query argument :{$aCondition['param']} of [{$this->sOql}]");
				}
				$aCondition['value'] = $aArgs[$aCondition['param']];
				unset($aCondition['param']);
			}
			$aBound[] = $aCondition;
		}
		return $aBound;
	}
}

class DBObjectSet
{
	/** @var DBObjectSearch */
	private $oSearch;
	/** @var array */
	private $aArgs;
	/** @var string[]|null */
	private $aColumns = null;
	/** @var array|null loaded rows */
	private $aRows = null;
	/** @var int */
	private $iCursor = 0;

	public function __construct(DBObjectSearch $oFilter, $aOrderBy = array(), $aArgs = array(), $aExtendedDataSpec = null, $iLimitCount = 0, $iLimitStart = 0, $bSort = true)
	{
		$this->oSearch = $oFilter;
		$this->aArgs = $aArgs;
	}

	public function OptimizeColumnLoad($aAttToLoad)
	{
		if (!is_array($aAttToLoad))
		{
			throw new StandInException('stand-in: OptimizeColumnLoad expects array(alias => array(attributes))');
		}
		foreach ($aAttToLoad as $sAlias => $aAttCodes)
		{
			if ($sAlias !== $this->oSearch->GetClassAlias() || !is_array($aAttCodes))
			{
				throw new StandInException("stand-in: OptimizeColumnLoad for an unknown alias [$sAlias]");
			}
			foreach ($aAttCodes as $sAttCode)
			{
				if (StandIn::AttributeDef($this->oSearch->GetClass(), $sAttCode) === null)
				{
					throw new StandInException("stand-in: OptimizeColumnLoad of an unknown attribute [$sAttCode]");
				}
			}
			$this->aColumns = array_values($aAttCodes);
		}
	}

	private function Run($sKind)
	{
		$aConditions = $this->oSearch->StandInConditions($this->aArgs);
		StandIn::RecordQuery('governance', $sKind, $this->oSearch->GetClass(), $this->oSearch->ToOQL(), ($sKind === 'select') ? $this->aColumns : null, $this->aArgs, $this->oSearch->IsAllDataAllowed());
		return StandIn::Select($this->oSearch->GetClass(), $aConditions);
	}

	private function Load()
	{
		if ($this->aRows === null)
		{
			$this->aRows = array_values($this->Run('select'));
			$this->iCursor = 0;
		}
	}

	public function Fetch()
	{
		$this->Load();
		if ($this->iCursor >= count($this->aRows))
		{
			return null;
		}
		$aRow = $this->aRows[$this->iCursor++];
		return StandIn::Instantiate($this->oSearch->GetClass(), $aRow, $this->aColumns);
	}

	public function Rewind()
	{
		$this->iCursor = 0;
	}

	public function Count()
	{
		if ($this->aRows !== null)
		{
			return count($this->aRows);
		}
		return count($this->Run('count'));
	}

	public function CountExceeds($iLimit)
	{
		if ($this->aRows !== null)
		{
			return count($this->aRows) > $iLimit;
		}
		return count($this->Run('count')) > $iLimit;
	}
}

class MetaModel
{
	/**
	 * iTop 3.2.0 (metamodel@3.2.0:1200, 2.7.11:968): the table of the class, or of the class that declares the
	 * attribute when one is given, table prefix included.
	 */
	public static function DBGetTable($sClass, $sAttCode = null)
	{
		self::CheckClass($sClass);
		if (empty($sAttCode) || ($sAttCode == 'id'))
		{
			return StandIn::$sTablePrefix.StandIn::$aClasses[$sClass]['db_table'];
		}
		return self::DBGetTable(self::GetAttributeOrigin($sClass, $sAttCode));
	}

	/** iTop 3.2.0 (metamodel@3.2.0:1308, 2.7.11:1076): the key column of the class's table. */
	public static function DBGetKey($sClass)
	{
		self::CheckClass($sClass);
		return StandIn::$aClasses[$sClass]['db_key_field'];
	}

	/** iTop 3.2.0 (metamodel@3.2.0:1130, 2.7.11:894): the class that declares the attribute. */
	public static function GetAttributeOrigin($sClass, $sAttCode)
	{
		self::CheckClass($sClass);
		$sOrigin = StandIn::AttributeOrigin($sClass, $sAttCode);
		if ($sOrigin === null)
		{
			// iTop reads an undefined array index here (a PHP warning, then null): as loud as the stand-in can be.
			throw new StandInException("stand-in: GetAttributeOrigin of an unknown attribute $sClass::$sAttCode");
		}
		return $sOrigin;
	}

	/** iTop 3.2.0 (metamodel@3.2.0:1669, 2.7.11:1409): the attribute definition, or an Exception. */
	public static function GetAttributeDef($sClass, $sAttCode)
	{
		self::CheckClass($sClass);
		$aDef = StandIn::AttributeDef($sClass, $sAttCode);
		if ($aDef === null)
		{
			throw new Exception("Unknown attribute $sAttCode from class $sClass");
		}
		return new StandInAttributeDefinition($sAttCode, $aDef);
	}

	/** MetaModel::_check_subclass: only classes described from the generated XML have tables here. */
	private static function CheckClass($sClass)
	{
		if (!isset(StandIn::$aClasses[$sClass]))
		{
			throw new CoreException("Unknown class '$sClass'");
		}
	}

	public static function GetObject($sClass, $iKey, $bMustBeFound = true, $bAllowAllData = false)
	{
		StandIn::RecordQuery('governance', 'get', $sClass, "SELECT $sClass WHERE id = :id", null, array('id' => $iKey), $bAllowAllData);
		$aRecord = StandIn::Find($sClass, $iKey);
		if ($aRecord === null)
		{
			if ($bMustBeFound)
			{
				throw new CoreException("No result for the single row query: $sClass::$iKey");
			}
			return null;
		}
		return StandIn::Instantiate($sClass, $aRecord);
	}
}


/** The part of iTop's AttributeDefinition that the generated SQL uses. */
class StandInAttributeDefinition
{
	/**
	 * Types whose GetSQLExpressions() is AttributeDBFieldVoid's (attributedef@3.2.0:2759, 2.7.11:2405), not
	 * overridden: one column, suffix ''. (AttributeText, CaseLog, ExternalField, Blob... override it: not emulated.)
	 */
	const SINGLE_COLUMN_TYPES = array('AttributeString', 'AttributeEnum', 'AttributeInteger', 'AttributeIPAddress', 'AttributeURL', 'AttributeExternalKey');

	/** @var string */
	private $sCode;
	/** @var array */
	private $aDef;

	public function __construct($sCode, array $aDef)
	{
		$this->sCode = $sCode;
		$this->aDef = $aDef;
	}

	public function GetCode()
	{
		return $this->sCode;
	}

	/** @return array suffix => column */
	public function GetSQLExpressions($sPrefix = '')
	{
		if (!in_array($this->aDef['type'], self::SINGLE_COLUMN_TYPES, true) || ($this->aDef['sql'] === null))
		{
			throw new StandInException("stand-in: GetSQLExpressions of {$this->aDef['type']} ({$this->sCode}) is not emulated");
		}
		return array('' => $this->aDef['sql']);
	}
}
