<?php
/**
 * Stand-in for iTop's event data (sources/Service/Events/EventData.php@3.2.0).
 */

namespace Combodo\iTop\Service\Events;

class EventData
{
	/** @var string */
	private $sEvent;
	/** @var mixed */
	private $mEventSource;
	/** @var array */
	private $aEventData;

	public function __construct($sEvent, $mEventSource = null, array $aEventData = array())
	{
		$this->sEvent = $sEvent;
		$this->mEventSource = $mEventSource;
		$this->aEventData = $aEventData;
	}

	public function GetEvent()
	{
		return $this->sEvent;
	}

	public function Get($sParam)
	{
		return array_key_exists($sParam, $this->aEventData) ? $this->aEventData[$sParam] : null;
	}

	public function GetEventSource()
	{
		return $this->mEventSource;
	}
}
