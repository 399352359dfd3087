<?php
/**
 * Stand-in for iTop's DBObject / cmdbAbstractObject (core/dbobject.class.php@3.2.0), restricted to what the
 * governance code and its glue use, and run in iTop 3.2's order:
 *
 *   CheckToWrite(): reset m_aCheckIssues → object read-only → EVENT_DB_CHECK_TO_WRITE listeners (from the XML,
 *   by rank) → read-write → DoCheckToWrite() [native uniqueness rules, then CheckValue of every changed attribute]
 *
 * Unlike iTop, a listener whose method does not exist is an error (iTop only logs it), and reading an attribute
 * that a query did not load (OptimizeColumnLoad) is an error (iTop would silently reload the whole object).
 *
 * Like iTop, Set() turns the written value into what the attribute holds (StandIn::MakeRealValue: an integer is
 * cast with (int)), and CheckValue checks that held value; there is no integer syntax check (AttributeInteger
 * does not override CheckFormat).
 */

class CoreException extends Exception
{
}

class DBObject
{
	/** @var string */
	protected $m_sClass;
	/** @var int|null */
	protected $m_iKey = null;
	/** @var bool */
	protected $m_bIsInDB = false;
	/** @var array values as iTop holds them */
	protected $m_aCurrValues = array();
	/** @var array values read from the database */
	protected $m_aOrigValues = array();
	/** @var string[]|null attributes loaded by the query (null: all) */
	protected $m_aLoadedAtt = null;
	/** @var string|false */
	protected $m_sReadOnlyMessage = false;
	/** @var string[] */
	protected $m_aCheckIssues = array();
	/** @var string[] */
	protected $m_aCheckWarnings = array();

	public function __construct()
	{
		$this->m_sClass = get_class($this);
		if (!StandIn::IsDescribed($this->m_sClass))
		{
			return;
		}
		// A new object: negative temporary key, every writable attribute at its default value (iTop: m_aCurrValues).
		$this->m_iKey = -1;
		foreach (StandIn::AttributeDefs($this->m_sClass) as $sAttCode => $aDef)
		{
			if (StandIn::IsWritable($aDef))
			{
				$this->m_aCurrValues[$sAttCode] = StandIn::MakeRealValue($this->m_sClass, $sAttCode, $aDef['default']);
			}
		}
	}

	/** Stand-in only: fills the object from a stored record (as a query would). */
	public function StandInLoad(array $aRecord, $aAttToLoad = null)
	{
		$this->m_bIsInDB = true;
		$this->m_iKey = (int)$aRecord['id'];
		$this->m_aLoadedAtt = $aAttToLoad;
		$this->m_aCurrValues = array();
		foreach (StandIn::AttributeDefs($this->m_sClass) as $sAttCode => $aDef)
		{
			if (StandIn::IsWritable($aDef) && (($aAttToLoad === null) || in_array($sAttCode, $aAttToLoad, true)))
			{
				$value = array_key_exists($sAttCode, $aRecord) ? $aRecord[$sAttCode] : null;
				$this->m_aCurrValues[$sAttCode] = StandIn::MakeRealValue($this->m_sClass, $sAttCode, $value);
			}
		}
		if (!StandIn::IsDescribed($this->m_sClass))
		{
			$this->m_aCurrValues = $aRecord;
		}
		$this->m_aOrigValues = $this->m_aCurrValues;
	}

	public function GetKey()
	{
		return $this->m_iKey;
	}

	public function IsNew()
	{
		return !$this->m_bIsInDB;
	}

	public function Get($sAttCode)
	{
		if ($sAttCode === 'id')
		{
			return $this->m_iKey;
		}
		$aDef = StandIn::AttributeDef($this->m_sClass, $sAttCode);
		if (($aDef === null) && StandIn::IsDescribed($this->m_sClass))
		{
			throw new CoreException("Unknown attribute $sAttCode from class {$this->m_sClass}");
		}
		if (($this->m_aLoadedAtt !== null) && !in_array($sAttCode, $this->m_aLoadedAtt, true))
		{
			throw new StandInException("stand-in: {$this->m_sClass}::$sAttCode was not loaded by the query (OptimizeColumnLoad); iTop would reload the whole object");
		}
		if (($aDef !== null) && ($aDef['type'] === 'AttributeExternalField'))
		{
			$iKey = $this->Get($aDef['extkey_attcode']);
			$aTarget = ($iKey > 0) ? StandIn::Find(StandIn::AttributeDef($this->m_sClass, $aDef['extkey_attcode'])['target_class'], $iKey) : null;
			return (($aTarget !== null) && isset($aTarget[$aDef['target_attcode']])) ? $aTarget[$aDef['target_attcode']] : '';
		}
		return array_key_exists($sAttCode, $this->m_aCurrValues) ? $this->m_aCurrValues[$sAttCode] : null;
	}

	public function GetOriginal($sAttCode)
	{
		return array_key_exists($sAttCode, $this->m_aOrigValues) ? $this->m_aOrigValues[$sAttCode] : null;
	}

	public function Set($sAttCode, $value)
	{
		if ($this->m_sReadOnlyMessage !== false)
		{
			throw new CoreException($this->m_sReadOnlyMessage);
		}
		$aDef = StandIn::AttributeDef($this->m_sClass, $sAttCode);
		if (($aDef === null) || !StandIn::IsWritable($aDef))
		{
			throw new CoreException("Attempting to set the value on the read-only or unknown attribute {$this->m_sClass}::$sAttCode");
		}
		$this->m_aCurrValues[$sAttCode] = StandIn::MakeRealValue($this->m_sClass, $sAttCode, $value);
		return true;
	}

	/** iTop: a new object lists every value; a stored one the values that differ (strictly) from the database. */
	public function ListChanges()
	{
		if (!$this->m_bIsInDB)
		{
			return $this->m_aCurrValues;
		}
		$aChanges = array();
		foreach ($this->m_aCurrValues as $sAttCode => $value)
		{
			if (!array_key_exists($sAttCode, $this->m_aOrigValues) || ($this->m_aOrigValues[$sAttCode] !== $value))
			{
				$aChanges[$sAttCode] = $value;
			}
		}
		return $aChanges;
	}

	final public function AddCheckIssue($sIssue)
	{
		$this->m_aCheckIssues[] = $sIssue;
	}

	final public function AddCheckWarning($sWarning)
	{
		$this->m_aCheckWarnings[] = $sWarning;
	}

	/** Stand-in only: the warnings (iTop shows them after the write). */
	public function GetCheckWarnings()
	{
		return $this->m_aCheckWarnings;
	}

	/** iTop 3.2.0 DBObject::CheckToWrite (2655-2692), without the status cache. */
	final public function CheckToWrite($bDoComputeValues = true)
	{
		$this->m_aCheckIssues = array();
		$this->m_sReadOnlyMessage = 'No modification allowed during CheckToCreate';
		$this->FireEventCheckToWrite();
		$this->m_sReadOnlyMessage = false;
		$this->DoCheckToWrite();
		return array(count($this->m_aCheckIssues) === 0, $this->m_aCheckIssues);
	}

	protected function FireEventCheckToWrite()
	{
		// DBObject: nothing (only cmdbAbstractObject fires the event).
	}

	/** iTop 3.2.0 DBObject::DoCheckToWrite (2465-2480): uniqueness rules, then CheckValue of each change. */
	public function DoCheckToWrite()
	{
		$this->DoCheckUniqueness();
		foreach ($this->ListChanges() as $sAttCode => $value)
		{
			$this->CheckValue($sAttCode);
		}
	}

	/** Native uniqueness rules (DBObject::DoCheckUniqueness, 2205-2238, 2348-2397). */
	protected function DoCheckUniqueness()
	{
		foreach ($this->ClassDescriptions() as $sClass => $aClass)
		{
			foreach ($aClass['uniqueness'] as $aRule)
			{
				$sOql = "SELECT $sClass".(($aRule['filter'] !== '') ? ' WHERE '.$aRule['filter'] : '');
				$oSearch = DBObjectSearch::FromOQL($sOql);
				$aConditions = $oSearch->StandInConditions(array());
				if (!$this->IsNew())
				{
					$aConditions[] = array('att' => 'id', 'op' => '!=', 'value' => $this->m_iKey);
				}
				foreach ($aRule['attributes'] as $sAttCode)
				{
					$aConditions[] = array('att' => $sAttCode, 'op' => '=', 'value' => $this->Get($sAttCode));
				}
				StandIn::RecordQuery('itop', 'count', $sClass, $sOql, null, array(), true);
				if (count(StandIn::Select($sClass, $aConditions)) === 0)
				{
					continue;
				}
				$sMessage = $this->GetUniquenessRuleMessage($sClass, $aRule['id']);
				StandIn::LogMessage($sMessage, $aRule['rule_id']);
				if ($aRule['is_blocking'])
				{
					$this->m_aCheckIssues[] = $sMessage;
				}
				else
				{
					$this->m_aCheckWarnings[] = $sMessage;
				}
			}
		}
	}

	/** Dict entry Class:<C>/UniquenessRule:<id>, rendered as a TemplateString ($this->code$), else iTop's default. */
	private function GetUniquenessRuleMessage($sClass, $sRuleId)
	{
		$sTemplate = Dict::S("Class:$sClass/UniquenessRule:$sRuleId", '');
		if ($sTemplate === '')
		{
			return Dict::Format('Core:UniquenessDefaultError', $sRuleId);
		}
		$oObject = $this;
		return preg_replace_callback('/\$this->([a-z0-9_]+)\$/', function ($aMatch) use ($oObject) {
			return (string)$oObject->Get($aMatch[1]);
		}, $sTemplate);
	}

	/** Class descriptions from the root down to this class. */
	private function ClassDescriptions()
	{
		$aClasses = array();
		foreach (array_reverse(StandIn::Lineage($this->m_sClass)) as $sName)
		{
			if (isset(StandIn::$aClasses[$sName]))
			{
				$aClasses[$sName] = StandIn::$aClasses[$sName];
			}
		}
		return $aClasses;
	}

	/** iTop 3.2.0 DBObject::CheckValue (2063-2168) for the attribute types of the model. */
	protected function CheckValue($sAttCode)
	{
		$aDef = StandIn::AttributeDef($this->m_sClass, $sAttCode);
		if (($aDef === null) || !StandIn::IsWritable($aDef))
		{
			return;
		}
		$value = $this->m_aCurrValues[$sAttCode];
		if (StandIn::IsNull($aDef, $value))
		{
			if ($aDef['mandatory'])
			{
				$this->AddValueIssue($sAttCode, 'Null not allowed', 'ITOP-MANDATORY');
			}
			return;
		}
		switch ($aDef['type'])
		{
			case 'AttributeExternalKey':
				StandIn::RecordQuery('itop', 'exists', $aDef['target_class'], '', null, array('id' => $value), true);
				if (StandIn::Find($aDef['target_class'], $value) === null)
				{
					$this->AddValueIssue($sAttCode, "Target object not found ({$aDef['target_class']}::$value)", 'ITOP-EXTKEY');
				}
				return;
			case 'AttributeEnum':
				if (!in_array($value, $aDef['values'], true))
				{
					$this->AddValueIssue($sAttCode, "Value not allowed [$value]", 'ITOP-ENUM');
				}
				return;
			case 'AttributeInteger':
				// No format check: AttributeInteger does not override CheckFormat (AttributeDefinition's returns true,
				// attributedef@3.2.0:920) and the value is already (int); GetValidationPattern() serves the forms only.
				return;
			case 'AttributeIPAddress':
				// AttributeIPAddress::GetValidationPattern() (attributedef@3.2.0:5397-5402) through AttributeString::CheckFormat.
				$sNum = '(\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])';
				if (!self::CheckFormat("^($sNum\\.$sNum\\.$sNum\\.$sNum)$", $value))
				{
					$this->AddValueIssue($sAttCode, "Wrong format [$value]", 'ITOP-IPADDRESS');
				}
				return;
			case 'AttributeURL':
				// '^'.AttributeURL::DEFAULT_VALIDATION_PATTERN.'$' (attributedef@3.2.0:8144, 8204).
				$sPattern = '(https?|ftp)\://([a-zA-Z0-9+!*(),;?&=\$_.-]+(\:[a-zA-Z0-9+!*(),;?&=\$_.-]+)?@)?([a-zA-Z0-9-.]{3,})(\:[0-9]{2,5})?(/([a-zA-Z0-9:%+\$_-]\.?)+)*/?(\?[a-zA-Z+&\$_.-][a-zA-Z0-9;:[\]@&%=+/\$_.,-]*)?(#[a-zA-Z0-9_.-][a-zA-Z0-9+\$_.-]*)?';
				if (!self::CheckFormat('^'.$sPattern.'$', $value))
				{
					$this->AddValueIssue($sAttCode, "Wrong format [$value]", 'ITOP-URL');
				}
				return;
		}
	}

	/** AttributeString::CheckFormat (attributedef@3.2.0:3647-3660). */
	private static function CheckFormat($sRegExp, $value)
	{
		$sRegExp = str_replace('/', '\\/', $sRegExp);
		return preg_match("/$sRegExp/", $value) === 1;
	}

	private function AddValueIssue($sAttCode, $sReason, $sRuleId)
	{
		$sMessage = Dict::Format('Core:CheckValueError', $sAttCode, $sAttCode, $sReason);
		StandIn::LogMessage($sMessage, $sRuleId);
		$this->m_aCheckIssues[] = $sMessage;
	}
}

/** cmdbAbstractObject::FireEventCheckToWrite (cmdbabstract@3.2.0:5926-5929) with the listeners of the XML. */
class cmdbAbstractObject extends DBObject
{
	protected function FireEventCheckToWrite()
	{
		$aListeners = array();
		foreach (array_reverse(StandIn::Lineage($this->m_sClass)) as $sName)
		{
			if (isset(StandIn::$aClasses[$sName]))
			{
				foreach (StandIn::$aClasses[$sName]['listeners'] as $aListener)
				{
					if ($aListener['event'] === 'EVENT_DB_CHECK_TO_WRITE')
					{
						$aListeners[] = $aListener;
					}
				}
			}
		}
		usort($aListeners, function ($a, $b) {
			return ($a['rank'] == $b['rank']) ? 0 : (($a['rank'] < $b['rank']) ? -1 : 1);
		});
		foreach ($aListeners as $aListener)
		{
			if (!method_exists($this, $aListener['callback']))
			{
				throw new StandInException("stand-in: listener callback {$this->m_sClass}::{$aListener['callback']} does not exist");
			}
			$aEventData = array('is_new' => $this->IsNew(), 'debug_info' => 'from: '.$this->m_sClass.':'.$this->GetKey(), 'object' => $this);
			call_user_func(array($this, $aListener['callback']), new \Combodo\iTop\Service\Events\EventData('EVENT_DB_CHECK_TO_WRITE', null, $aEventData));
		}
	}
}

/** An object of a class the stand-in has no compiled PHP class for (Organization, Server…). */
class StandInObject extends cmdbAbstractObject
{
	public function __construct($sClass)
	{
		parent::__construct();
		$this->m_sClass = $sClass;
	}
}
