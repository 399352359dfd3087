// Release B of tests/itop/schema-changes.sh: the default model with the DICOM AE's modality value OT renamed to
// OTHER and its field description renamed to notes; declared in schemaChanges unless RELEASE_B_UNDECLARED=1.
import model from '../../../model/br-medicaldevice/index.js';
import { releaseB } from '../../schema-changes/model-edits.js';

export default releaseB(model, { declared: process.env['RELEASE_B_UNDECLARED'] !== '1', since: process.env['RELEASE_B_SINCE'] ?? '4.1.0' });
