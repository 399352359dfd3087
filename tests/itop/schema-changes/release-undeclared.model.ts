// The measurement release of tests/itop/schema-changes.sh (MEASURE=1): what iTop's setup does with changes that
// nobody declared. The default model with the AE's modality value OT removed, the link's field description
// removed, the class MedicalDeviceTubeSorter removed, and the AE's field description renamed to notes.
import model from '../../../model/br-medicaldevice/index.js';
import { removeEnumValue, removeField, renameField } from '../../schema-changes/model-edits.js';

const edited = structuredClone(model);
removeEnumValue(edited, 'MedicalDicomApplicationEntity', 'modality', 'OT');
removeField(edited, 'MedicalDicomCommunicationLink', 'description');
renameField(edited, 'MedicalDicomApplicationEntity', 'description', 'notes');
edited.classes = edited.classes.filter((cls) => cls.name !== 'MedicalDeviceTubeSorter');
for (const menu of edited.menus) {
  if (menu.type === 'dashboard') menu.cells = menu.cells.map((cell) => cell.filter((dashlet) => !('class' in dashlet) || dashlet.class !== 'MedicalDeviceTubeSorter'));
}
export default edited;
