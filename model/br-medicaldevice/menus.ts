import { t } from '../define.js';
import type { DashboardExtension, Dashlet, MenuDefinition } from '../schema/model.js';
import { deviceClasses, medicalDevice } from './medical-device.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';

/** A badge per device kind, then one for every device (the base class counts them all). */
const deviceBadges: Dashlet[] = [...deviceClasses, medicalDevice].map((cls) => ({ type: 'badge', class: cls.name }));

/**
 * SPEC §4 and 3.2.5's menu ids: Medical Devices → overview dashboard, devices, DICOM → DICOM AE / DICOM
 * Communication Links. Brands and models sit beside iTop's own typologies.
 */
export const menus: MenuDefinition[] = [
  {
    id: 'MedicalDeviceManagement',
    type: 'group',
    rank: 28,
    enableClass: 'MedicalDevice',
    decorationClasses: 'fas fa-x-ray',
    label: t('Medical Devices', 'Medizinprodukte', 'Dispositifs médicaux'),
    help: t('Medical devices and their DICOM communication', 'Medizinprodukte und ihre DICOM-Kommunikation', 'Dispositifs médicaux et leur communication DICOM'),
  },
  {
    id: 'MedicalDeviceSpace',
    type: 'dashboard',
    parent: 'MedicalDeviceManagement',
    rank: 5,
    label: t('Overview', 'Übersicht', "Vue d'ensemble"),
    help: t('Medical devices by type, DICOM application entities and links', 'Medizinprodukte nach Typ, DICOM-Anwendungsentitäten und -Verbindungen', "Dispositifs médicaux par type, entités d'application et liens DICOM"),
    cells: [
      [
        { type: 'header', id: 'Devices', title: t('Medical devices', 'Medizinprodukte', 'Dispositifs médicaux'), icon: 'medical-devices-overview.svg' },
        ...deviceBadges,
      ],
      [
        { type: 'header', id: 'Dicom', title: t('DICOM communication', 'DICOM-Kommunikation', 'Communication DICOM'), icon: 'dicom-ae.svg' },
        { type: 'badge', class: AE },
        { type: 'badge', class: LINK },
      ],
      [
        { type: 'group-by', id: 'AeByRole', title: t('DICOM AEs by role', 'DICOM-AEs nach Rolle', 'AE DICOM par rôle'), class: AE, groupBy: 'role', style: 'pie' },
        { type: 'group-by', id: 'AeByProtocol', title: t('DICOM AEs by protocol', 'DICOM-AEs nach Protokoll', 'AE DICOM par protocole'), class: AE, groupBy: 'protocol', style: 'pie' },
        { type: 'group-by', id: 'LinkByStatus', title: t('DICOM links by status', 'DICOM-Verbindungen nach Status', 'Liens DICOM par statut'), class: LINK, groupBy: 'status', style: 'bars' },
      ],
    ],
  },
  {
    id: 'MedicalDeviceInventory',
    type: 'section',
    parent: 'MedicalDeviceManagement',
    rank: 10,
    label: t('Devices', 'Geräte', 'Dispositifs'),
    help: t('Medical and laboratory devices', 'Medizin- und Laborgeräte', 'Dispositifs médicaux et de laboratoire'),
  },
  {
    id: 'MedicalDevice',
    type: 'class-list',
    parent: 'MedicalDeviceInventory',
    rank: 10,
    class: 'MedicalDevice',
    label: t('All medical devices', 'Alle Medizinprodukte', 'Tous les dispositifs médicaux'),
    help: t('Search and list medical devices of every type', 'Medizinprodukte jedes Typs suchen und auflisten', 'Rechercher et lister les dispositifs médicaux de tout type'),
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
    id: AE,
    type: 'class-list',
    parent: 'MedicalDicom',
    rank: 10,
    class: AE,
    label: t('DICOM AE', 'DICOM-AE', 'AE DICOM'),
    help: t('Search and list DICOM application entities', 'DICOM-Anwendungsentitäten suchen und auflisten', "Rechercher et lister les entités d'application DICOM"),
  },
  {
    id: LINK,
    type: 'class-list',
    parent: 'MedicalDicom',
    rank: 20,
    class: LINK,
    label: t('DICOM Communication Links', 'DICOM-Kommunikationsverbindungen', 'Liens de communication DICOM'),
    help: t('Search and list DICOM communication links', 'DICOM-Kommunikationsverbindungen suchen und auflisten', 'Rechercher et lister les liens de communication DICOM'),
  },
];

/** Configuration Management → Typology configuration, where iTop keeps its own Brand and Model. */
export const dashboardExtensions: DashboardExtension[] = [
  { menu: 'Typology', dashlets: [{ type: 'badge', class: 'MedicalBrand' }, { type: 'badge', class: 'MedicalModel' }] },
];
