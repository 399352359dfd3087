import { t } from '../define.js';
import type { MenuDefinition } from '../schema/model.js';

/** SPEC §4: Medical Devices → DICOM → DICOM AE / DICOM Communication Links. */
export const menus: MenuDefinition[] = [
  {
    id: 'MedicalDeviceManagement',
    type: 'group',
    rank: 28,
    enableClass: 'MedicalDicomApplicationEntity',
    decorationClasses: 'fas fa-x-ray',
    label: t('Medical Devices', 'Medizinprodukte', 'Dispositifs médicaux'),
    help: t('Medical devices and their DICOM communication', 'Medizinprodukte und ihre DICOM-Kommunikation', 'Dispositifs médicaux et leur communication DICOM'),
  },
  {
    id: 'MedicalDicom',
    type: 'section',
    parent: 'MedicalDeviceManagement',
    rank: 20,
    label: t('DICOM', 'DICOM', 'DICOM'),
    help: t('DICOM application entities and communication links', 'DICOM-Anwendungsentitäten und Kommunikationsverbindungen', "Entités d'application et liens de communication DICOM"),
  },
  {
    id: 'MedicalDicomApplicationEntity',
    type: 'class-list',
    parent: 'MedicalDicom',
    rank: 10,
    class: 'MedicalDicomApplicationEntity',
    label: t('DICOM AE', 'DICOM-AE', 'AE DICOM'),
    help: t('Search and list DICOM application entities', 'DICOM-Anwendungsentitäten suchen und auflisten', "Rechercher et lister les entités d'application DICOM"),
  },
  {
    id: 'MedicalDicomCommunicationLink',
    type: 'class-list',
    parent: 'MedicalDicom',
    rank: 20,
    class: 'MedicalDicomCommunicationLink',
    label: t('DICOM Communication Links', 'DICOM-Kommunikationsverbindungen', 'Liens de communication DICOM'),
    help: t('Search and list DICOM communication links', 'DICOM-Kommunikationsverbindungen suchen und auflisten', 'Rechercher et lister les liens de communication DICOM'),
  },
];
