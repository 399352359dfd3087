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
    // What the DICOM forms point at: without read access a user of our profiles alone cannot pick an
    // organization or a host (measured on iTop 3.2.0: "org_id: No item found").
    { id: 'MedicalDicomReferences', classes: ['Organization', 'FunctionalCI'] },
  ],
  profiles: [
    {
      id: 3,
      existing: true,
      note: 'Configuration Manager',
      grants: [
        { group: 'MedicalDicom', actions: [...ALL] },
        { group: 'MedicalDevice', actions: [...ALL] },
      ],
    },
    {
      id: 122454,
      existing: false,
      name: 'Medical Device User',
      description: 'Documents medical devices and their DICOM communication: reads and edits, never deletes',
      grants: [
        { group: 'MedicalDicom', actions: [...READ_WRITE] },
        { group: 'MedicalDevice', actions: [...READ_WRITE] },
        { group: 'MedicalDicomReferences', actions: [...READ] },
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
      ],
    },
  ],
};
