import { t } from '../define.js';
import type { ClassDefinition, DetailsEntry } from '../schema/model.js';

/** The physical-device form iTop uses for its own connectable CIs (Server, NetworkDevice…). */
const physicalDeviceDetails: DetailsEntry[] = [
  {
    column: 'col1',
    fieldsets: [
      { id: 'baseinfo', label: t('General information', 'Allgemeine Informationen', 'Informations générales'), attributes: ['name', 'org_id', 'status', 'business_criticity', 'location_id'] },
      { id: 'moreinfo', label: t('More information', 'Weitere Informationen', 'Informations complémentaires'), attributes: ['brand_id', 'model_id', 'serialnumber', 'asset_number'] },
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
  'physicalinterface_list',
];

export const medicalDevice: ClassDefinition = {
  name: 'MedicalDevice',
  parent: 'ConnectableCI',
  category: 'bizmodel,searchable,configmgmt',
  dbTable: 'medicaldevice',
  label: t('Medical Device', 'Medizinprodukt', 'Dispositif médical'),
  description: t('A physical medical device connected to the network', 'Ein physisches, mit dem Netzwerk verbundenes Medizinprodukt', 'Un dispositif médical physique relié au réseau'),
  icon: 'medical-device.svg',
  style: { mainColor: '#8A5A83', complementaryColor: '#EFE3EE' },
  naming: { attributes: ['name'] },
  reconciliation: ['name', 'org_id'],
  fields: [],
  presentation: {
    details: physicalDeviceDetails,
    search: ['name', 'org_id', 'status', 'business_criticity', 'location_id', 'brand_id', 'model_id', 'serialnumber'],
    list: ['org_id', 'status', 'business_criticity', 'location_id', 'brand_id', 'model_id', 'serialnumber'],
    summary: ['org_id', 'status', 'location_id'],
  },
};

export const medicalImagingEquipment: ClassDefinition = {
  name: 'MedicalDeviceMIE',
  parent: 'MedicalDevice',
  category: 'bizmodel,searchable,configmgmt',
  dbTable: 'medicaldevicemie',
  label: t('Medical Imaging Equipment', 'Medizinisches Bildgebungsgerät', "Équipement d'imagerie médicale"),
  description: t(
    'A physical medical imaging device (CT, MR, ultrasound…) whose software acts as one or more DICOM AEs',
    'Ein physisches medizinisches Bildgebungsgerät (CT, MR, Ultraschall…), dessen Software als eine oder mehrere DICOM-AEs arbeitet',
    "Un appareil physique d'imagerie médicale (scanner, IRM, échographie…) dont le logiciel agit comme une ou plusieurs AE DICOM",
  ),
  icon: 'medical-imaging-equipment.svg',
  style: { mainColor: '#8A5A83', complementaryColor: '#EFE3EE' },
  naming: { attributes: ['name'] },
  reconciliation: ['name', 'org_id'],
  fields: [
    {
      code: 'dicomae_list',
      type: 'linkedSet',
      linkedClass: 'MedicalDicomApplicationEntity',
      externalKeyToMe: 'medicaldevicemie_id',
      editMode: 'add_remove',
      label: t('DICOM AEs', 'DICOM-AEs', 'AE DICOM'),
      help: t('DICOM application entities running on this equipment', 'DICOM-Anwendungsentitäten auf diesem Gerät', "Entités d'application DICOM fonctionnant sur cet équipement"),
    },
  ],
  presentation: {
    details: [...physicalDeviceDetails, 'dicomae_list'],
    search: ['name', 'org_id', 'status', 'business_criticity', 'location_id', 'brand_id', 'model_id', 'serialnumber'],
    list: ['org_id', 'status', 'business_criticity', 'location_id', 'brand_id', 'model_id', 'serialnumber'],
    summary: ['org_id', 'status', 'location_id'],
  },
  impacts: [{ id: 'dicom_ae', direction: 'both', attribute: 'dicomae_list' }],
};
