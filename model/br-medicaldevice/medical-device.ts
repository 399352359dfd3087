import { t } from '../define.js';
import type { ClassDefinition, DetailsEntry, EnumValue, Field, ImpactNeighbour, LocalizedText } from '../schema/model.js';

const DEVICE_STYLE = { mainColor: '#8A5A83', complementaryColor: '#EFE3EE' };

/**
 * The device classes under MedicalDevice, as 3.2.5 has them (class `MedicalDevice<suffix>`, table
 * `medicaldevice<suffix in lower case>`). One line each: the model expands them into classes below.
 */
interface DeviceKind {
  suffix: string;
  label: LocalizedText;
  description: LocalizedText;
  icon: string;
  /** Fields of this kind only, shown as tabs after the common ones. */
  fields?: Field[];
  impacts?: ImpactNeighbour[];
}

export const DEVICE_KINDS: DeviceKind[] = [
  {
    suffix: 'Analyser',
    label: t('Analyser', 'Analysegerät', 'Analyseur'),
    description: t('Laboratory analyser (clinical chemistry, haematology, immunology…)', 'Laboranalysegerät (klinische Chemie, Hämatologie, Immunologie…)', 'Analyseur de laboratoire (biochimie, hématologie, immunologie…)'),
    icon: 'medical-device-analyser.svg',
  },
  {
    suffix: 'Centrifuge',
    label: t('Centrifuge', 'Zentrifuge', 'Centrifugeuse'),
    description: t('Laboratory centrifuge', 'Laborzentrifuge', 'Centrifugeuse de laboratoire'),
    icon: 'medical-device-centrifuge.svg',
  },
  {
    suffix: 'SamplePreparation',
    label: t('Sample Preparation Device', 'Probenvorbereitungsgerät', "Dispositif de préparation d'échantillons"),
    description: t('Device that prepares samples before analysis (decapping, aliquoting, staining…)', 'Gerät zur Probenvorbereitung vor der Analyse (Entkappen, Aliquotieren, Färben…)', "Dispositif qui prépare les échantillons avant l'analyse (débouchage, aliquotage, coloration…)"),
    icon: 'medical-device-sample-preparation.svg',
  },
  {
    suffix: 'LiquidHandlingSystem',
    label: t('Liquid Handling System', 'Liquid-Handling-System', 'Système de manipulation de liquides'),
    description: t('Automated pipetting and liquid handling robot', 'Automatisierter Pipettier- und Liquid-Handling-Roboter', 'Robot automatisé de pipetage et de manipulation de liquides'),
    icon: 'medical-device-liquid-handling-system.svg',
  },
  {
    suffix: 'TubeSorter',
    label: t('Tube Sorter', 'Röhrchensortierer', 'Trieur de tubes'),
    description: t('Sorts sample tubes to their destinations', 'Sortiert Probenröhrchen zu ihren Zielen', 'Trie les tubes d’échantillons vers leurs destinations'),
    icon: 'medical-device-tube-sorter.svg',
  },
  {
    suffix: 'Refrigerator',
    label: t('Refrigerator', 'Kühlgerät', 'Réfrigérateur'),
    description: t('Laboratory or medical refrigerator or freezer', 'Labor- oder Medikamentenkühlschrank bzw. Gefriergerät', 'Réfrigérateur ou congélateur de laboratoire ou médical'),
    icon: 'medical-device-refrigerator.svg',
  },
  {
    suffix: 'Incubator',
    label: t('Incubator', 'Inkubator', 'Incubateur'),
    description: t('Incubator with controlled temperature and atmosphere', 'Inkubator mit geregelter Temperatur und Atmosphäre', 'Incubateur à température et atmosphère contrôlées'),
    icon: 'medical-device-incubator.svg',
  },
  {
    suffix: 'MIE',
    label: t('Medical Imaging Equipment', 'Medizinisches Bildgebungsgerät', "Équipement d'imagerie médicale"),
    description: t(
      'A physical medical imaging device (CT, MR, ultrasound…) whose software acts as one or more DICOM AEs',
      'Ein physisches medizinisches Bildgebungsgerät (CT, MR, Ultraschall…), dessen Software als eine oder mehrere DICOM-AEs arbeitet',
      "Un appareil physique d'imagerie médicale (scanner, IRM, échographie…) dont le logiciel agit comme une ou plusieurs AE DICOM",
    ),
    icon: 'medical-imaging-equipment.svg',
    fields: [
      {
        code: 'dicomae_list',
        type: 'linkedSet',
        linkedClass: 'MedicalDicomApplicationEntity',
        externalKeyToMe: 'medicaldevicemie_id',
        editMode: 'add_remove',
        dependencies: ['org_id'],
        label: t('DICOM AEs', 'DICOM-AEs', 'AE DICOM'),
        help: t('DICOM application entities running on this equipment', 'DICOM-Anwendungsentitäten auf diesem Gerät', "Entités d'application DICOM fonctionnant sur cet équipement"),
      },
    ],
    impacts: [{ id: 'dicom_ae', direction: 'both', attribute: 'dicomae_list' }],
  },
  {
    suffix: 'POCT',
    label: t('Point-of-Care Testing Device', 'Point-of-Care-Testgerät', 'Dispositif de biologie délocalisée'),
    description: t('Diagnostic device used at or near the patient (blood gas, glucose…)', 'Diagnosegerät für den Einsatz am Patienten (Blutgas, Glukose…)', 'Dispositif de diagnostic utilisé au chevet du patient (gaz du sang, glycémie…)'),
    icon: 'medical-device-poct.svg',
  },
  {
    suffix: 'Microscope',
    label: t('Microscope', 'Mikroskop', 'Microscope'),
    description: t('Optical or digital microscope, slide scanner', 'Optisches oder digitales Mikroskop, Objektträgerscanner', 'Microscope optique ou numérique, scanner de lames'),
    icon: 'medical-device-microscope.svg',
  },
  {
    suffix: 'SafetyCabinet',
    label: t('Biological Safety Cabinet', 'Sicherheitswerkbank', 'Poste de sécurité microbiologique'),
    description: t('Biological safety cabinet or laminar flow hood', 'Mikrobiologische Sicherheitswerkbank oder Laminar-Flow-Box', 'Poste de sécurité microbiologique ou hotte à flux laminaire'),
    icon: 'medical-device-safety-cabinet.svg',
  },
];

const brandAndModelFields: Field[] = [
  {
    code: 'medicalbrand_id',
    type: 'externalKey',
    mandatory: false,
    target: 'MedicalBrand',
    onTargetDelete: 'DEL_MANUAL',
    label: t('Brand', 'Hersteller', 'Fabricant'),
    help: t('Manufacturer of the device', 'Hersteller des Geräts', 'Fabricant du dispositif'),
  },
  { code: 'medicalbrand_name', type: 'externalField', externalKey: 'medicalbrand_id', targetAttribute: 'name', label: t('Brand name', 'Name des Herstellers', 'Nom du fabricant') },
  {
    code: 'medicalmodel_id',
    type: 'externalKey',
    mandatory: false,
    target: 'MedicalModel',
    onTargetDelete: 'DEL_MANUAL',
    // As iTop's own Model of a PhysicalDevice: the chosen brand's models made for this very class.
    filter: 'SELECT MedicalModel WHERE medicalbrand_id = :this->medicalbrand_id AND type = :this->finalclass',
    dependencies: ['medicalbrand_id'],
    label: t('Model', 'Modell', 'Modèle'),
    help: t('Model of the device; the list shows the chosen brand’s models of this device type', 'Modell des Geräts; die Liste zeigt die Modelle des gewählten Herstellers für diesen Gerätetyp', 'Modèle du dispositif ; la liste montre les modèles du fabricant choisi pour ce type de dispositif'),
  },
  { code: 'medicalmodel_name', type: 'externalField', externalKey: 'medicalmodel_id', targetAttribute: 'name', label: t('Model name', 'Name des Modells', 'Nom du modèle') },
];

/** The physical-device form iTop uses for its own connectable CIs, with the medical brand and model. */
const deviceDetails: DetailsEntry[] = [
  {
    column: 'col1',
    fieldsets: [
      { id: 'baseinfo', label: t('General information', 'Allgemeine Informationen', 'Informations générales'), attributes: ['name', 'org_id', 'status', 'business_criticity', 'location_id'] },
      { id: 'moreinfo', label: t('More information', 'Weitere Informationen', 'Informations complémentaires'), attributes: ['medicalbrand_id', 'medicalmodel_id', 'serialnumber', 'asset_number'] },
    ],
  },
  {
    column: 'col2',
    fieldsets: [
      { id: 'dates', label: t('Dates', 'Datum', 'Dates'), attributes: ['move2production', 'purchase_date', 'end_of_warranty'] },
      { id: 'otherinfo', label: t('Other information', 'Sonstige Informationen', 'Autres informations'), attributes: ['description'] },
    ],
  },
  'contacts_list',
  'documents_list',
  'applicationsolution_list',
  'physicalinterface_list',
  'networkdevice_list',
];

const deviceSearch = ['name', 'org_id', 'status', 'business_criticity', 'location_id', 'medicalbrand_id', 'medicalmodel_id', 'serialnumber', 'asset_number'];
const deviceList = ['org_id', 'status', 'business_criticity', 'location_id', 'medicalbrand_id', 'medicalmodel_id', 'serialnumber'];
const deviceSummary = ['org_id', 'status', 'medicalbrand_id', 'medicalmodel_id', 'location_id'];

export const medicalDevice: ClassDefinition = {
  name: 'MedicalDevice',
  parent: 'ConnectableCI',
  category: 'bizmodel,searchable,configmgmt',
  dbTable: 'medicaldevice',
  label: t('Medical Device', 'Medizinprodukt', 'Dispositif médical'),
  description: t('A physical medical device connected to the network', 'Ein physisches, mit dem Netzwerk verbundenes Medizinprodukt', 'Un dispositif médical physique relié au réseau'),
  icon: 'medical-device.svg',
  style: DEVICE_STYLE,
  naming: { attributes: ['name'] },
  // 3.2.5's keys: CSV files written for it reconcile the same way.
  reconciliation: ['name', 'org_id', 'organization_name', 'finalclass'],
  fields: brandAndModelFields,
  presentation: {
    details: deviceDetails,
    search: ['finalclass', ...deviceSearch],
    list: ['finalclass', ...deviceList],
    summary: ['finalclass', ...deviceSummary],
  },
};

/** One class per device kind: the common device form, plus the kind's own tabs. */
export const deviceClasses: ClassDefinition[] = DEVICE_KINDS.map((kind) => {
  const ownFields = kind.fields ?? [];
  return {
    name: `MedicalDevice${kind.suffix}`,
    parent: 'MedicalDevice',
    category: 'bizmodel,searchable,configmgmt',
    dbTable: `medicaldevice${kind.suffix.toLowerCase()}`,
    label: kind.label,
    description: kind.description,
    icon: kind.icon,
    style: DEVICE_STYLE,
    naming: { attributes: ['name'] },
    reconciliation: ['name', 'org_id', 'organization_name'],
    fields: ownFields,
    presentation: {
      details: [...deviceDetails, ...ownFields.map((field) => field.code)],
      search: deviceSearch,
      list: deviceList,
      summary: deviceSummary,
    },
    ...(kind.impacts ? { impacts: kind.impacts } : {}),
  };
});

/** A model's device types: the generic device first, then every kind, labelled as its class. */
export const deviceTypes: EnumValue[] = [medicalDevice, ...deviceClasses].map((cls) => ({ code: cls.name, label: cls.label, help: cls.description }));
