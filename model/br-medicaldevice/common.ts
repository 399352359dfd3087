import { t } from '../define.js';
import type { EnumValue, Field, LocalizedText } from '../schema/model.js';

/** The owning organization and its name: the governance scope of every DICOM object. */
export function organizationFields(help: LocalizedText): Field[] {
  return [
    { code: 'org_id', type: 'externalKey', mandatory: true, target: 'Organization', onTargetDelete: 'DEL_MANUAL', label: t('Organization', 'Organisation', 'Organisation'), help },
    { code: 'org_name', type: 'externalField', externalKey: 'org_id', targetAttribute: 'name', label: t('Organization name', 'Name der Organisation', "Nom de l'organisation") },
  ];
}

/** Lifecycle values both DICOM classes share, with iTop's standard lifecycle badge colours. */
export const PRODUCTION: EnumValue = {
  code: 'production',
  label: t('Production', 'Produktion', 'Production'),
  help: t('Active clinical use', 'Aktiver klinischer Einsatz', 'Utilisation clinique active'),
  style: { mainColor: '$ibo-lifecycle-success-state-primary-color', complementaryColor: '$ibo-lifecycle-success-state-secondary-color' },
};

export const OBSOLETE: EnumValue = {
  code: 'obsolete',
  label: t('Obsolete', 'Obsolet', 'Obsolète'),
  help: t('No longer valid', 'Nicht mehr gültig', "N'est plus valide"),
  style: { mainColor: '$ibo-lifecycle-frozen-state-primary-color', complementaryColor: '$ibo-lifecycle-frozen-state-secondary-color' },
};
