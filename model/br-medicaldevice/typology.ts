import { t } from '../define.js';
import type { ClassDefinition, EnumValue } from '../schema/model.js';

/** The typology colours of the device family: brands and models are catalogues of the same devices. */
const DEVICE_STYLE = { mainColor: '#8A5A83', complementaryColor: '#EFE3EE' };

export const medicalBrand: ClassDefinition = {
  name: 'MedicalBrand',
  parent: 'Typology',
  category: 'bizmodel,searchable',
  dbTable: 'medicalbrand',
  label: t('Medical Brand', 'Medizinprodukte-Hersteller', 'Fabricant de dispositifs médicaux'),
  description: t(
    'Manufacturer of medical devices; its models and devices are listed on it',
    'Hersteller von Medizinprodukten; seine Modelle und Geräte sind hier aufgeführt',
    'Fabricant de dispositifs médicaux ; ses modèles et dispositifs y sont listés',
  ),
  icon: 'medical-brand.svg',
  style: DEVICE_STYLE,
  naming: { attributes: ['name'] },
  reconciliation: ['name'],
  imageAttribute: 'logo',
  uniquenessRules: [
    {
      id: 'name',
      attributes: ['name'],
      message: t('A medical brand with this name already exists', 'Ein Medizinprodukte-Hersteller mit diesem Namen existiert bereits', 'Un fabricant de dispositifs médicaux portant ce nom existe déjà'),
    },
  ],
  fields: [
    {
      code: 'logo',
      type: 'image',
      mandatory: false,
      display: { width: 96, height: 96 },
      storage: { width: 128, height: 128 },
      label: t('Logo', 'Logo', 'Logo'),
      help: t('Logo of the manufacturer', 'Logo des Herstellers', 'Logo du fabricant'),
    },
    {
      code: 'medicalmodels_list',
      type: 'linkedSet',
      linkedClass: 'MedicalModel',
      externalKeyToMe: 'medicalbrand_id',
      editMode: 'in_place',
      label: t('Models', 'Modelle', 'Modèles'),
      help: t('Device models of this brand', 'Gerätemodelle dieses Herstellers', 'Modèles de dispositifs de ce fabricant'),
    },
    {
      code: 'medicaldevices_list',
      type: 'linkedSet',
      linkedClass: 'MedicalDevice',
      externalKeyToMe: 'medicalbrand_id',
      editMode: 'add_only',
      label: t('Devices', 'Geräte', 'Dispositifs'),
      help: t('Medical devices of this brand', 'Medizinprodukte dieses Herstellers', 'Dispositifs médicaux de ce fabricant'),
    },
  ],
  presentation: {
    details: [
      { column: 'col1', fieldsets: [{ id: 'baseinfo', label: t('General information', 'Allgemeine Informationen', 'Informations générales'), attributes: ['name', 'logo'] }] },
      'medicalmodels_list',
      'medicaldevices_list',
    ],
    search: ['name'],
    list: ['name'],
  },
};

/**
 * A model's `type` names the device class it is for (3.2.5's codes are the class names), so a device's
 * model list can be filtered to its own class. Built from the device classes, never listed twice.
 */
export function medicalModel(deviceTypes: EnumValue[]): ClassDefinition {
  return {
    name: 'MedicalModel',
    parent: 'Typology',
    category: 'bizmodel,searchable',
    dbTable: 'medicalmodel',
    label: t('Medical Model', 'Medizinprodukte-Modell', 'Modèle de dispositif médical'),
    description: t(
      'Model of a medical device, by brand and device type',
      'Modell eines Medizinprodukts, nach Hersteller und Gerätetyp',
      "Modèle d'un dispositif médical, par fabricant et type de dispositif",
    ),
    icon: 'medical-model.svg',
    style: DEVICE_STYLE,
    naming: {
      attributes: ['medicalbrand_name', 'name'],
      format: t('%1$s %2$s', '%1$s %2$s', '%1$s %2$s'),
      complementary: ['medicalbrand_name', 'type'],
      complementaryFormat: t('Brand: %1$s, type: %2$s', 'Hersteller: %1$s, Typ: %2$s', 'Fabricant : %1$s, type : %2$s'),
    },
    reconciliation: ['name', 'medicalbrand_id', 'medicalbrand_name', 'type'],
    imageAttribute: 'picture',
    uniquenessRules: [
      {
        id: 'name_medicalbrand',
        attributes: ['name', 'medicalbrand_id'],
        message: t('This brand already has a model with this name', 'Dieser Hersteller hat bereits ein Modell mit diesem Namen', 'Ce fabricant a déjà un modèle portant ce nom'),
      },
    ],
    fields: [
      {
        code: 'medicalbrand_id',
        type: 'externalKey',
        mandatory: true,
        target: 'MedicalBrand',
        onTargetDelete: 'DEL_MANUAL',
        label: t('Brand', 'Hersteller', 'Fabricant'),
        help: t('Manufacturer of this model', 'Hersteller dieses Modells', 'Fabricant de ce modèle'),
      },
      { code: 'medicalbrand_name', type: 'externalField', externalKey: 'medicalbrand_id', targetAttribute: 'name', label: t('Brand name', 'Name des Herstellers', 'Nom du fabricant') },
      {
        code: 'picture',
        type: 'image',
        mandatory: false,
        display: { width: 256, height: 256 },
        storage: { width: 512, height: 512 },
        label: t('Picture', 'Bild', 'Image'),
        help: t('Picture of the device model', 'Bild des Gerätemodells', 'Image du modèle de dispositif'),
      },
      {
        code: 'type',
        type: 'enum',
        mandatory: true,
        label: t('Device type', 'Gerätetyp', 'Type de dispositif'),
        help: t('The kind of medical device this model is for', 'Die Art von Medizinprodukt, für die dieses Modell gilt', 'Le type de dispositif médical auquel ce modèle correspond'),
        values: deviceTypes,
      },
      {
        code: 'medicaldevices_list',
        type: 'linkedSet',
        linkedClass: 'MedicalDevice',
        externalKeyToMe: 'medicalmodel_id',
        editMode: 'add_only',
        label: t('Devices', 'Geräte', 'Dispositifs'),
        help: t('Medical devices of this model', 'Medizinprodukte dieses Modells', 'Dispositifs médicaux de ce modèle'),
      },
    ],
    presentation: {
      details: [
        {
          column: 'col1',
          fieldsets: [{ id: 'baseinfo', label: t('General information', 'Allgemeine Informationen', 'Informations générales'), attributes: ['name', 'medicalbrand_id', 'type', 'picture'] }],
        },
        'medicaldevices_list',
      ],
      search: ['name', 'medicalbrand_id', 'type'],
      list: ['medicalbrand_id', 'type'],
      summary: ['medicalbrand_id', 'type'],
    },
  };
}
