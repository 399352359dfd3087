import type { UserRights } from '../schema/model.js';

const ALL = ['read', 'bulk read', 'write', 'bulk write', 'delete', 'bulk delete'] as const;
const READ_WRITE = ['read', 'bulk read', 'write', 'bulk write'] as const;
const READ = ['read', 'bulk read'] as const;

/**
 * SPEC §4. Profile ids 122454/122455 are those of the hand-written 3.2.5, so an upgrade keeps the users'
 * profile assignments. Profile 3 is iTop's Configuration Manager.
 */
export const userRights: UserRights = {
  groups: [
    { id: 'MedicalDicom', classes: ['MedicalDicomApplicationEntity', 'MedicalDicomCommunicationLink'] },
    { id: 'MedicalDevice', classes: ['MedicalDevice'] },
    { id: 'MedicalTypology', classes: ['MedicalBrand', 'MedicalModel'] },
    // Documents attached to devices, as 3.2.5 grants them (its group id, so upgraded profiles keep it).
    { id: 'MedicalDeviceDocumentAndLinks', classes: ['Document', 'lnkDocumentToFunctionalCI'] },
    // What our forms point at: without read access a user of our profiles alone cannot pick an
    // organization, a host or a location (measured on iTop 3.2.0: "org_id: No item found").
    { id: 'MedicalDicomReferences', classes: ['Organization', 'FunctionalCI', 'Location'] },
  ],
  profiles: [
    {
      id: 3,
      existing: true,
      note: 'Configuration Manager',
      grants: [
        { group: 'MedicalDicom', actions: [...ALL] },
        { group: 'MedicalDevice', actions: [...ALL] },
        { group: 'MedicalTypology', actions: [...ALL] },
      ],
    },
    {
      id: 122454,
      existing: false,
      name: 'Medical Device User',
      description: 'Documents medical devices and their DICOM communication: reads, edits and deletes one record at a time',
      grants: [
        // 3.2.5 let this profile delete single records; an upgraded site keeps that (bulk deletion stays the manager's).
        { group: 'MedicalDicom', actions: [...READ_WRITE, 'delete'] },
        { group: 'MedicalDevice', actions: [...READ_WRITE, 'delete'] },
        { group: 'MedicalDicomReferences', actions: [...READ] },
        // As 3.2.5: users pick brands and models, managers maintain them.
        { group: 'MedicalTypology', actions: [...READ] },
        // Detaching a document is deleting its link, so users may delete here (as 3.2.5).
        { group: 'MedicalDeviceDocumentAndLinks', actions: ['read', 'bulk read', 'write', 'delete'] },
      ],
    },
    {
      id: 122455,
      existing: false,
      name: 'Medical Device Manager',
      description: 'Governs medical devices and their DICOM communication: full rights, deletion included',
      grants: [
        { group: 'MedicalDicom', actions: [...ALL] },
        { group: 'MedicalDevice', actions: [...ALL] },
        { group: 'MedicalDicomReferences', actions: [...READ] },
        { group: 'MedicalTypology', actions: [...ALL] },
        { group: 'MedicalDeviceDocumentAndLinks', actions: [...ALL] },
      ],
    },
  ],
};
