import type { Condition } from '../../../model/schema/rule.js';
import type { Subject } from '../subject.js';

/** Every attribute of the condition holds one of its listed codes (exact, case-sensitive comparison). */
export function conditionHolds(when: Condition, subject: Subject): boolean {
  return Object.entries(when).every(([code, values]) => {
    const value = subject.object[code];
    return value !== null && value !== undefined && values.includes(String(value));
  });
}
