import { t } from '../define.js';
import { OBSOLETE, organizationFields, PRODUCTION } from './common.js';
import type { ClassDefinition } from '../schema/model.js';

export const communicationLink: ClassDefinition = {
  name: 'MedicalDicomCommunicationLink',
  parent: 'cmdbAbstractObject',
  category: 'bizmodel,searchable',
  dbTable: 'medicaldicomcommunicationlink',
  label: t('DICOM Communication Link', 'DICOM-Kommunikationsverbindung', 'Lien de communication DICOM'),
  description: t(
    'A governed DICOM communication relationship between two AEs: intended communication, not runtime traffic.',
    'Eine verwaltete DICOM-Kommunikationsbeziehung zwischen zwei AEs: vorgesehene Kommunikation, nicht der tatsächliche Datenverkehr.',
    "Une relation de communication DICOM encadrée par la gouvernance entre deux AE : communication prévue, et non trafic réel.",
  ),
  icon: 'dicom-link.svg',
  style: { mainColor: '#1F5FA7', complementaryColor: '#DCE8F5' },
  naming: { attributes: ['source_ae_name', 'target_ae_name'], format: t('%1$s → %2$s', '%1$s → %2$s', '%1$s → %2$s'), complementary: ['direction', 'status'] },
  reconciliation: ['org_id', 'source_ae_id', 'target_ae_id', 'direction'],
  stateAttribute: 'status',
  obsolescence: "status = 'obsolete'",
  fields: [
    ...organizationFields(t('Governance scope', 'Governance-Bereich', 'Périmètre de gouvernance')),
    {
      code: 'source_ae_id',
      type: 'externalKey',
      mandatory: true,
      target: 'MedicalDicomApplicationEntity',
      onTargetDelete: 'DEL_MANUAL',
      filter: 'SELECT MedicalDicomApplicationEntity WHERE org_id = :this->org_id',
      dependencies: ['org_id'],
      label: t('Source AE', 'Quell-AE', 'AE source'),
      help: t('Sending or initiating AE', 'Sendende oder initiierende AE', 'AE émettrice ou initiatrice'),
    },
    { code: 'source_ae_name', type: 'externalField', externalKey: 'source_ae_id', targetAttribute: 'aetitle', label: t('Source AE title', 'Titel der Quell-AE', "Titre de l'AE source") },
    {
      code: 'target_ae_id',
      type: 'externalKey',
      mandatory: true,
      target: 'MedicalDicomApplicationEntity',
      onTargetDelete: 'DEL_MANUAL',
      filter: 'SELECT MedicalDicomApplicationEntity WHERE org_id = :this->org_id',
      dependencies: ['org_id'],
      label: t('Target AE', 'Ziel-AE', 'AE cible'),
      help: t('Receiving AE', 'Empfangende AE', 'AE réceptrice'),
    },
    { code: 'target_ae_name', type: 'externalField', externalKey: 'target_ae_id', targetAttribute: 'aetitle', label: t('Target AE title', 'Titel der Ziel-AE', "Titre de l'AE cible") },
    {
      code: 'direction',
      type: 'enum',
      mandatory: true,
      default: 'PUSH',
      displayStyle: 'radio_horizontal',
      label: t('Direction', 'Richtung', 'Sens'),
      help: t('Direction of the communication between source and target', 'Richtung der Kommunikation zwischen Quelle und Ziel', 'Sens de la communication entre la source et la cible'),
      values: [
        { code: 'PUSH', label: t('PUSH', 'PUSH', 'PUSH'), help: t('Source sends data to target', 'Die Quelle sendet Daten an das Ziel', 'La source envoie des données à la cible') },
        { code: 'PULL', label: t('PULL', 'PULL', 'PULL'), help: t('Source retrieves data from target', 'Die Quelle ruft Daten vom Ziel ab', 'La source récupère des données auprès de la cible') },
        { code: 'BIDIR', label: t('BIDIR', 'BIDIR', 'BIDIR'), help: t('Bidirectional communication', 'Bidirektionale Kommunikation', 'Communication bidirectionnelle') },
      ],
    },
    {
      code: 'status',
      type: 'enum',
      mandatory: true,
      default: 'planned',
      label: t('Status', 'Status', 'Statut'),
      help: t('Lifecycle status for governance and change management', 'Lebenszyklusstatus für Governance und Änderungsmanagement', 'Statut du cycle de vie pour la gouvernance et la gestion des changements'),
      values: [
        { code: 'planned', label: t('Planned', 'Geplant', 'Planifié'), help: t('Intended but not yet approved', 'Beabsichtigt, aber noch nicht genehmigt', 'Prévu mais pas encore approuvé'), style: { mainColor: '$ibo-lifecycle-new-state-primary-color', complementaryColor: '$ibo-lifecycle-new-state-secondary-color' } },
        { code: 'approved', label: t('Approved', 'Genehmigt', 'Approuvé'), help: t('Approved for implementation', 'Für die Umsetzung genehmigt', 'Approuvé pour la mise en œuvre'), style: { mainColor: '$ibo-lifecycle-waiting-state-primary-color', complementaryColor: '$ibo-lifecycle-waiting-state-secondary-color' } },
        PRODUCTION,
        { code: 'deprecated', label: t('Deprecated', 'Auslaufend', 'En fin de vie'), help: t('Planned for removal', 'Zur Stilllegung vorgesehen', 'Retrait prévu'), style: { mainColor: '$ibo-lifecycle-failure-state-primary-color', complementaryColor: '$ibo-lifecycle-failure-state-secondary-color' } },
        OBSOLETE,
      ],
    },
    {
      code: 'description',
      type: 'text',
      mandatory: false,
      label: t('Description', 'Beschreibung', 'Description'),
      help: t('Optional clinical or technical notes', 'Optionale klinische oder technische Hinweise', 'Notes cliniques ou techniques facultatives'),
    },
  ],
  presentation: {
    details: [
      {
        column: 'col1',
        fieldsets: [
          { id: 'endpoints', label: t('Endpoints', 'Endpunkte', 'Points de terminaison'), attributes: ['org_id', 'source_ae_id', 'target_ae_id', 'direction'] },
        ],
      },
      {
        column: 'col2',
        fieldsets: [
          { id: 'lifecycle', label: t('Lifecycle', 'Lebenszyklus', 'Cycle de vie'), attributes: ['status', 'description'] },
        ],
      },
    ],
    search: ['org_id', 'source_ae_id', 'target_ae_id', 'direction', 'status'],
    defaultSearch: ['org_id', 'source_ae_id', 'target_ae_id', 'status'],
    list: ['org_id', 'source_ae_id', 'target_ae_id', 'direction', 'status'],
    summary: ['org_id', 'direction', 'status'],
  },
  // Both AEs impact the link (declared on the AE, direction both): a link depends on its two ends.
};
