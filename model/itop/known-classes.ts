/**
 * The iTop classes the model may build on or point at, with the attributes they carry on a vanilla
 * iTop 3.2 (datamodels/2.x/itop-structure and itop-config-mgmt at tag 3.2.0). Lets the model be
 * checked without an iTop at hand.
 */
export interface KnownClass {
  parent: string | null;
  table: string | null;
  attributes: string[];
}

export const KNOWN_ITOP_CLASSES: Record<string, KnownClass> = {
  DBObject: { parent: null, table: null, attributes: [] },
  cmdbAbstractObject: { parent: 'DBObject', table: null, attributes: [] },
  Organization: { parent: 'cmdbAbstractObject', table: 'organization', attributes: ['name', 'code', 'status', 'parent_id', 'parent_name', 'overview'] },
  FunctionalCI: {
    parent: 'cmdbAbstractObject',
    table: 'functionalci',
    attributes: [
      'name', 'description', 'org_id', 'organization_name', 'business_criticity', 'move2production',
      'contacts_list', 'documents_list', 'applicationsolution_list', 'softwares_list',
    ],
  },
  PhysicalDevice: {
    parent: 'FunctionalCI',
    table: 'physicaldevice',
    attributes: ['serialnumber', 'location_id', 'location_name', 'status', 'brand_id', 'brand_name', 'model_id', 'model_name', 'asset_number', 'purchase_date', 'end_of_warranty'],
  },
  ConnectableCI: { parent: 'PhysicalDevice', table: 'connectableci', attributes: ['networkdevice_list', 'physicalinterface_list'] },
  DatacenterDevice: { parent: 'ConnectableCI', table: 'datacenterdevice', attributes: [] },
  Server: { parent: 'DatacenterDevice', table: 'server', attributes: ['osfamily_id', 'osfamily_name', 'osversion_id', 'osversion_name', 'oslicence_id', 'oslicence_name', 'cpu', 'ram', 'logicalvolumes_list'] },
  Location: { parent: 'cmdbAbstractObject', table: 'location', attributes: ['name', 'status', 'org_id', 'org_name', 'address', 'postal_code', 'city', 'country'] },
  Typology: { parent: 'cmdbAbstractObject', table: 'typology', attributes: ['name'] },
  Document: { parent: 'cmdbAbstractObject', table: 'document', attributes: ['name', 'org_id', 'organization_name', 'documenttype_id', 'version', 'description', 'status', 'cis_list'] },
  lnkDocumentToFunctionalCI: { parent: 'cmdbAbstractObject', table: 'lnkdocumenttofunctionalci', attributes: ['functionalci_id', 'functionalci_name', 'document_id', 'document_name'] },
  VirtualDevice: { parent: 'FunctionalCI', table: 'virtualdevice', attributes: ['status', 'logicalvolumes_list'] },
  VirtualMachine: { parent: 'VirtualDevice', table: 'virtualmachine', attributes: [] },
};

/** Attributes iTop creates by itself on every class (MetaModel, 3.2.0); a model must not define them. */
export const MAGIC_ATTRIBUTES = ['id', 'finalclass', 'friendlyname', 'archive_flag', 'archive_date', 'obsolescence_flag', 'obsolescence_date'];

/** Attributes iTop creates for every external key `<k>`. */
export const EXTERNAL_KEY_MAGIC_SUFFIXES = ['_friendlyname', '_finalclass_recall', '_archive_flag', '_obsolescence_flag'];
