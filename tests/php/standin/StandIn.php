<?php
/**
 * In-memory stand-in for the parts of iTop 3.2.0 that the generated governance PHP and its XML glue use.
 * Test code only (PHP 7.4 syntax, so that the same stand-in runs on PHP 7.4 and 8.3).
 *
 * StandIn holds the "database" (records by class), the class descriptions (derived from the generated
 * datamodel XML by tests/php/itop-standin.ts), the log of every query asked for, and the log of which
 * dictionary key or iTop check produced each message, so that a test can turn messages back into rule ids.
 */

class StandInException extends Exception
{
}

class StandIn
{
	/** @var array class => description: parent, attributes, uniqueness, listeners (see itop-standin.ts) */
	public static $aClasses = array();
	/** @var array class => parent class, for every class known (model classes and iTop classes) */
	public static $aParents = array();
	/** @var array dictionary key => rule id (plan message keys) */
	public static $aRuleIdByMessageKey = array();
	/** @var array accented character => base character, for the MySQL-like collation */
	public static $aFolding = array();
	/** @var string iTop's table prefix (MetaModel::DBGetTable puts it before every table name) */
	public static $sTablePrefix = '';

	/** @var array class => id => record (attribute => value) */
	private static $aData = array();
	/** @var array every query: origin ('governance' | 'itop'), kind, class, oql, columns, args, allow_all_data */
	public static $aQueries = array();
	/** @var array message => rule id, for messages of iTop's own checks (ITOP-*) and uniqueness rules */
	public static $aMessageRuleIds = array();

	public static function Configure(array $aDescription)
	{
		self::$aClasses = $aDescription['classes'];
		self::$aParents = $aDescription['parents'];
		self::$aRuleIdByMessageKey = $aDescription['rule_ids_by_message_key'];
		self::$aFolding = $aDescription['collation_folding'];
		self::$sTablePrefix = $aDescription['table_prefix'];
	}

	/** Empties the database and the logs. */
	public static function Reset()
	{
		self::$aData = array();
		self::$aQueries = array();
		self::$aMessageRuleIds = array();
		Dict::$aRenderedKeys = array();
	}

	/**
	 * Stores records of a class, each value turned into what iTop holds (MakeRealValue) when the class is described.
	 *
	 * @param string $sClass
	 * @param array[] $aRecords
	 */
	public static function Load($sClass, array $aRecords)
	{
		foreach ($aRecords as $aRecord)
		{
			$aStored = array();
			foreach ($aRecord as $sAttCode => $value)
			{
				$aStored[$sAttCode] = ($sAttCode === 'id') ? (int)$value : self::MakeRealValue($sClass, $sAttCode, $value);
			}
			self::$aData[$sClass][(int)$aRecord['id']] = $aStored;
		}
	}

	// ------------------------------------------------------------------ classes and attributes

	/** @return string[] the class and its ancestors */
	public static function Lineage($sClass)
	{
		$aLineage = array();
		for ($sName = $sClass; ($sName !== null) && !in_array($sName, $aLineage, true); $sName = isset(self::$aParents[$sName]) ? self::$aParents[$sName] : null)
		{
			$aLineage[] = $sName;
		}
		return $aLineage;
	}

	/** @return array|null attribute description (own or inherited), null when unknown */
	public static function AttributeDef($sClass, $sAttCode)
	{
		foreach (self::Lineage($sClass) as $sName)
		{
			if (isset(self::$aClasses[$sName]['attributes'][$sAttCode]))
			{
				return self::$aClasses[$sName]['attributes'][$sAttCode];
			}
		}
		return null;
	}

	/** @return string|null the class (the given one or an ancestor) that declares the attribute, null when unknown */
	public static function AttributeOrigin($sClass, $sAttCode)
	{
		foreach (self::Lineage($sClass) as $sName)
		{
			if (isset(self::$aClasses[$sName]['attributes'][$sAttCode]))
			{
				return $sName;
			}
		}
		return null;
	}

	/** @return string|null the described class whose table (prefix included) has this name */
	public static function ClassOfTable($sTable)
	{
		foreach (self::$aClasses as $sName => $aClass)
		{
			if (self::$sTablePrefix.$aClass['db_table'] === $sTable)
			{
				return $sName;
			}
		}
		return null;
	}

	/** @return array attribute code => description, own and inherited */
	public static function AttributeDefs($sClass)
	{
		$aDefs = array();
		foreach (array_reverse(self::Lineage($sClass)) as $sName)
		{
			if (isset(self::$aClasses[$sName]['attributes']))
			{
				$aDefs = array_merge($aDefs, self::$aClasses[$sName]['attributes']);
			}
		}
		return $aDefs;
	}

	public static function IsDescribed($sClass)
	{
		foreach (self::Lineage($sClass) as $sName)
		{
			if (isset(self::$aClasses[$sName]))
			{
				return true;
			}
		}
		return false;
	}

	public static function IsWritable(array $aDef)
	{
		return !in_array($aDef['type'], array('AttributeExternalField', 'AttributeLinkedSet'), true);
	}

	/**
	 * iTop 3.2.0 AttributeDefinition::MakeRealValue, per type:
	 * strings (String, Text, IPAddress, URL): null => '', else string; enum: null/'' => null;
	 * integer (AttributeInteger::MakeRealValue, attributedef@3.2.0:2963-2974): null/'' => null, else (int) of the value,
	 * whatever it is ('abc' => 0, '12abc' => 12, ' 104' => 104, '1e3' => 1000); iTop never checks the syntax on the
	 * server; external key: null/'' => 0, else (int).
	 */
	public static function MakeRealValue($sClass, $sAttCode, $value)
	{
		$aDef = self::AttributeDef($sClass, $sAttCode);
		if ($aDef === null)
		{
			return $value;
		}
		switch ($aDef['type'])
		{
			case 'AttributeString':
			case 'AttributeText':
			case 'AttributeIPAddress':
			case 'AttributeURL':
				return ($value === null) ? '' : (string)$value;
			case 'AttributeEnum':
				return (($value === null) || ($value === '')) ? null : (string)$value;
			case 'AttributeInteger':
				return (($value === null) || ($value === '')) ? null : (int)$value;
			case 'AttributeExternalKey':
				return (($value === null) || ($value === '')) ? 0 : (int)$value;
			default:
				return $value;
		}
	}

	/** iTop's IsNull of a held value, per type. */
	public static function IsNull(array $aDef, $value)
	{
		if ($aDef['type'] === 'AttributeExternalKey')
		{
			return ($value === null) || ($value === '') || ($value === 0);
		}
		return ($value === null) || ($value === '');
	}

	// ------------------------------------------------------------------ queries

	/**
	 * Records of a class and its subclasses that satisfy every condition.
	 *
	 * @param string $sClass
	 * @param array[] $aConditions each array('att' => code, 'op' => '='|'!='|'IN'|'ISNULL', 'value' => mixed)
	 *
	 * @return array[] id => record (with 'finalclass')
	 */
	public static function Select($sClass, array $aConditions)
	{
		$aRows = array();
		foreach (self::$aData as $sStoredClass => $aRecords)
		{
			if (!in_array($sClass, self::Lineage($sStoredClass), true))
			{
				continue;
			}
			foreach ($aRecords as $iId => $aRecord)
			{
				$bMatch = true;
				foreach ($aConditions as $aCondition)
				{
					if (!self::Satisfies($aRecord, $aCondition))
					{
						$bMatch = false;
						break;
					}
				}
				if ($bMatch)
				{
					$aRecord['finalclass'] = $sStoredClass;
					$aRows[$iId] = $aRecord;
				}
			}
		}
		ksort($aRows);
		return $aRows;
	}

	/** SQL semantics: a NULL column satisfies no comparison except ISNULL; values compare as MySQL's collation. */
	private static function Satisfies(array $aRecord, array $aCondition)
	{
		$sAttCode = $aCondition['att'];
		$stored = array_key_exists($sAttCode, $aRecord) ? $aRecord[$sAttCode] : null;
		switch ($aCondition['op'])
		{
			case 'ISNULL':
				return ($stored === null) === (bool)$aCondition['value'];
			case '=':
				if ($aCondition['value'] === null)
				{
					// iTop turns "= null" into ISNULL(attribute) (DBObjectSearch::AddCondition).
					return $stored === null;
				}
				return ($stored !== null) && (self::CollationKey($stored) === self::CollationKey($aCondition['value']));
			case '!=':
				return ($stored !== null) && ($aCondition['value'] !== null) && (self::CollationKey($stored) !== self::CollationKey($aCondition['value']));
			case 'IN':
				if ($stored === null)
				{
					return false;
				}
				foreach ((array)$aCondition['value'] as $value)
				{
					if (self::CollationKey($stored) === self::CollationKey($value))
					{
						return true;
					}
				}
				return false;
		}
		throw new StandInException("stand-in: unknown operator '{$aCondition['op']}'");
	}

	/**
	 * How MySQL's utf8mb4_unicode_ci (iTop's collation) sees a value: accents and case ignored, trailing spaces
	 * ignored (PAD SPACE); numbers by their decimal form.
	 */
	public static function CollationKey($value)
	{
		if ($value === null)
		{
			return '';
		}
		if (is_int($value) || is_float($value))
		{
			return (string)$value;
		}
		// Folded again after lowering: PHP 8.3's mb_strtolower turns a word-final Σ into ς (7.4's into σ).
		$sFolded = strtr(mb_strtolower(strtr((string)$value, self::$aFolding), 'UTF-8'), self::$aFolding);
		return rtrim($sFolded, ' ');
	}

	/**
	 * @param string $sOrigin 'governance' (asked through the iTop API by the code under test) or 'itop' (iTop's own checks)
	 * @param string|null $sSql the SQL text of a raw query (kind 'sql')
	 */
	public static function RecordQuery($sOrigin, $sKind, $sClass, $sOql, $aColumns, array $aArgs, $bAllowAllData, $sSql = null)
	{
		self::$aQueries[] = array(
			'origin' => $sOrigin,
			'kind' => $sKind,
			'class' => $sClass,
			'oql' => $sOql,
			'sql' => $sSql,
			'columns' => $aColumns,
			'args' => $aArgs,
			'allow_all_data' => $bAllowAllData,
		);
	}

	/** @return array|null the stored record (with finalclass) of a class or its subclasses */
	public static function Find($sClass, $iId)
	{
		$aRows = self::Select($sClass, array(array('att' => 'id', 'op' => '=', 'value' => (int)$iId)));
		return isset($aRows[(int)$iId]) ? $aRows[(int)$iId] : null;
	}

	/** An object of the record's final class (the compiled class when declared), with the given attributes loaded. */
	public static function Instantiate($sClass, array $aRecord, $aAttToLoad = null)
	{
		$sFinalClass = isset($aRecord['finalclass']) ? $aRecord['finalclass'] : $sClass;
		$oObject = class_exists($sFinalClass) ? new $sFinalClass() : new StandInObject($sFinalClass);
		$oObject->StandInLoad($aRecord, $aAttToLoad);
		return $oObject;
	}

	// ------------------------------------------------------------------ messages

	/** Remembers that a message comes from one of iTop's own checks or a uniqueness rule. */
	public static function LogMessage($sMessage, $sRuleId)
	{
		self::$aMessageRuleIds[$sMessage] = $sRuleId;
	}

	/** The rule id that produced a message: iTop's checks first, then the dictionary key through the plan. */
	public static function RuleIdOf($sMessage)
	{
		if (isset(self::$aMessageRuleIds[$sMessage]))
		{
			return self::$aMessageRuleIds[$sMessage];
		}
		if (isset(Dict::$aRenderedKeys[$sMessage]))
		{
			$sKey = Dict::$aRenderedKeys[$sMessage];
			if (isset(self::$aRuleIdByMessageKey[$sKey]))
			{
				return self::$aRuleIdByMessageKey[$sKey];
			}
			return 'UNMAPPED-KEY:'.$sKey;
		}
		return 'UNMAPPED:'.$sMessage;
	}
}
