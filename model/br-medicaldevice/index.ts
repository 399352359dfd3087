import { defineModel, t } from '../define.js';
import { applicationEntity } from './application-entity.js';
import { communicationLink } from './communication-link.js';
import { deviceClasses, deviceTypes, medicalDevice } from './medical-device.js';
import { dashboardExtensions, menus } from './menus.js';
import { userRights } from './rights.js';
import { rules } from './rules.js';
import { teemipBridge } from './teemip-bridge.js';
import { medicalBrand, medicalModel } from './typology.js';

/** The br-medicaldevice extension: the single source of truth for everything the generator emits. */
export default defineModel({
  module: {
    code: 'br-medicaldevice',
    label: 'Medical Devices: devices, brands and models, DICOM application entities and communication links',
    description: 'Documents medical and laboratory devices with their brands and models, and documents and governs their DICOM communication: DICOM application entities and their communication links.',
    author: 'br-medicaldevice-generator contributors',
    company: '',
    moreInfoUrl: '',
    category: 'business',
  },
  purpose: t(
    'The DICOM elements of this extension document and govern DICOM-based communication in clinical and laboratory environments: which application entities exist, where they run, how they are reached, and which of them are allowed to talk to each other. Governance rules block invalid records on every write path (console, CSV import, REST API, data synchronisation). The extension does not perform DICOM communication itself.',
    'Die DICOM-Elemente dieser Erweiterung dokumentieren und steuern die DICOM-basierte Kommunikation in klinischen und Laborumgebungen: welche Anwendungsentitäten es gibt, wo sie laufen, wie sie erreichbar sind und welche miteinander kommunizieren dürfen. Governance-Regeln blockieren ungültige Datensätze auf jedem Schreibweg (Konsole, CSV-Import, REST-API, Datensynchronisation). Die Erweiterung führt selbst keine DICOM-Kommunikation durch.',
    "Les éléments DICOM de cette extension documentent et encadrent la communication DICOM dans les environnements cliniques et de laboratoire : quelles entités d'application existent, où elles fonctionnent, comment les joindre et lesquelles peuvent communiquer entre elles. Des règles de gouvernance bloquent les enregistrements invalides sur chaque chemin d'écriture (console, import CSV, API REST, synchronisation de données). L'extension n'effectue elle-même aucune communication DICOM.",
  ),
  classes: [medicalBrand, medicalModel(deviceTypes), medicalDevice, ...deviceClasses, applicationEntity, communicationLink],
  menus,
  dashboardExtensions,
  userRights,
  rules,
  bridges: [teemipBridge],
  // SPEC §6: the hand-written 3.2.5 had no protocol; its AEs' IP was only the TeemIp key (filled by the bridge's mirror).
  successorOf: { below: '4.0.0', newFieldsWithDefaults: [{ class: 'MedicalDicomApplicationEntity', field: 'protocol' }] },
});
