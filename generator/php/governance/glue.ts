/**
 * The PHP the datamodel XML attaches to a governed class: the method that calls the governance class and
 * reports its issues through the target's CheckToWrite mechanism (ITOP-REFERENCE §8.1), never both:
 * - 'event-listener' (iTop 3.1+): an `EVENT_DB_CHECK_TO_WRITE` listener method; issues via AddCheckIssue /
 *   AddCheckWarning (the object is read-only during the event; the governance code only reads it);
 * - 'do-check-to-write' (any iTop, needed on 2.7/3.0): a DoCheckToWrite override that runs iTop's own checks
 *   first (`parent::DoCheckToWrite()`), then appends to m_aCheckIssues / m_aCheckWarnings.
 */
import type { PlannedRule } from '../../../governance/plan.js';
import type { Target } from '../../targets/target.js';
import { checkMethodName, EVENT_CALLBACK_METHOD } from './names.js';

export interface HookMethod {
  /** `<method id>`: the delta key in the XML. */
  id: string;
  /** Complete PHP method, indented for a class body. */
  code: string;
}

function ruleList(rules: PlannedRule[]): string {
  return [...new Set(rules.map((rule) => rule.id))].join(', ');
}

/** The hook method of one class for the target's mechanism. */
export function hookMethod(target: Target, governanceClass: string, className: string, rules: PlannedRule[]): HookMethod {
  const call = `${governanceClass}::${checkMethodName(className)}($this)`;
  if (target.checkMechanism === 'event-listener') {
    return {
      id: EVENT_CALLBACK_METHOD,
      code: [
        '',
        '\t/**',
        `\t * Governance rules ${ruleList(rules)} (generated; the checks are in ${governanceClass}).`,
        '\t *',
        '\t * @param \\Combodo\\iTop\\Service\\Events\\EventData $oEventData EVENT_DB_CHECK_TO_WRITE',
        '\t */',
        `\tpublic function ${EVENT_CALLBACK_METHOD}(\\Combodo\\iTop\\Service\\Events\\EventData $oEventData)`,
        '\t{',
        `\t\tforeach (${call} as $aIssue)`,
        '\t\t{',
        "\t\t\tif ($aIssue['severity'] === 'error')",
        '\t\t\t{',
        "\t\t\t\t$this->AddCheckIssue($aIssue['message']);",
        '\t\t\t}',
        '\t\t\telse',
        '\t\t\t{',
        "\t\t\t\t$this->AddCheckWarning($aIssue['message']);",
        '\t\t\t}',
        '\t\t}',
        '\t}',
        '',
      ].join('\n'),
    };
  }
  return {
    id: 'DoCheckToWrite',
    code: [
      '',
      '\t/**',
      `\t * iTop's own checks, then the governance rules ${ruleList(rules)} (generated; the checks are in ${governanceClass}).`,
      '\t */',
      '\tpublic function DoCheckToWrite()',
      '\t{',
      '\t\tparent::DoCheckToWrite();',
      `\t\tforeach (${call} as $aIssue)`,
      '\t\t{',
      "\t\t\tif ($aIssue['severity'] === 'error')",
      '\t\t\t{',
      "\t\t\t\t$this->m_aCheckIssues[] = $aIssue['message'];",
      '\t\t\t}',
      '\t\t\telse',
      '\t\t\t{',
      "\t\t\t\t$this->m_aCheckWarnings[] = $aIssue['message'];",
      '\t\t\t}',
      '\t\t}',
      '\t}',
      '',
    ].join('\n'),
  };
}
