import type { Emitter } from '../../context.js';
import { renderGovernanceFile } from '../../php/governance/governance-class.js';
import { governancePhpPath } from '../../php/governance/names.js';

/**
 * The governance PHP file (`src/<Prefix>Governance.php`), which the CheckToWrite hooks of the datamodel XML call.
 * Nothing when the model has no rule enforced by generated PHP. The same file serves every target.
 */
export const emitGovernancePhp: Emitter = (ctx) => {
  const content = renderGovernanceFile(ctx.ir.model, ctx.ir.governance, { version: ctx.release.version });
  if (content === null) return [];
  return [{ path: governancePhpPath(ctx.ir.model), content }];
};
