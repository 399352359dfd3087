<?php
/**
 * Stand-in for iTop's Dict (core/dict.class.inc.php@3.2.0): Add, S, Format, Exists with iTop's fallbacks
 * (missing key: S returns the default or the key, Format returns "key - args"). Every rendered text is
 * remembered with the key that produced it ($aRenderedKeys), so that tests can map messages to rule ids.
 */
class Dict
{
	/** @var array language code => key => text */
	private static $aData = array();
	/** @var string */
	private static $sUserLanguage = 'EN US';
	/** @var array rendered text => dictionary key */
	public static $aRenderedKeys = array();

	public static function Add($sLanguageCode, $sEnglishLanguageDesc, $sLocalizedLanguageDesc, $aEntries)
	{
		if (!isset(self::$aData[$sLanguageCode]))
		{
			self::$aData[$sLanguageCode] = array();
		}
		self::$aData[$sLanguageCode] = array_merge(self::$aData[$sLanguageCode], $aEntries);
	}

	public static function SetUserLanguage($sLanguageCode)
	{
		self::$sUserLanguage = $sLanguageCode;
	}

	private static function Lookup($sStringCode)
	{
		foreach (array(self::$sUserLanguage, 'EN US') as $sLanguageCode)
		{
			if (isset(self::$aData[$sLanguageCode]) && array_key_exists($sStringCode, self::$aData[$sLanguageCode]))
			{
				return self::$aData[$sLanguageCode][$sStringCode];
			}
		}
		return null;
	}

	public static function Exists($sStringCode)
	{
		return self::Lookup($sStringCode) !== null;
	}

	public static function S($sStringCode, $sDefault = null, $bUserLanguageOnly = false)
	{
		$sText = self::Lookup($sStringCode);
		if ($sText === null)
		{
			$sText = ($sDefault === null) ? $sStringCode : $sDefault;
		}
		self::$aRenderedKeys[$sText] = $sStringCode;
		return $sText;
	}

	public static function Format($sFormatCode /*, ... arguments ... */)
	{
		$aArguments = func_get_args();
		array_shift($aArguments);
		$sLocalizedFormat = self::Lookup($sFormatCode);
		if (($sLocalizedFormat === null) || ($sLocalizedFormat == $sFormatCode))
		{
			$sText = $sFormatCode.' - '.implode(', ', $aArguments);
		}
		else
		{
			$sText = vsprintf($sLocalizedFormat, $aArguments);
		}
		self::$aRenderedKeys[$sText] = $sFormatCode;
		return $sText;
	}
}

// iTop's own entries the stand-in needs (dictionaries/en.dictionary.itop.core.php@3.2.0).
Dict::Add('EN US', 'English', 'English', array(
	'Core:CheckValueError' => 'Unexpected value for attribute \'%1$s\' (%2$s) : %3$s',
	'Core:UniquenessDefaultError' => 'Uniqueness rule \'%1$s\' in error',
));
