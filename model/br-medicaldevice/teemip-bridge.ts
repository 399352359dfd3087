import { t } from '../define.js';
import type { BridgeModule } from '../schema/model.js';

/**
 * SPEC §6: every 3.2.5 site runs TeemIp, and 3.2.5's AE points at a TeemIp IP address through
 * `ipaddress_id`. Where TeemIp is installed this module keeps that key (same code, same column, same
 * filter) and keeps our plain `ipaddress` equal to the address's IP, so the rules read one field.
 */
export const teemipBridge: BridgeModule = {
  code: 'br-medicaldevice-teemip',
  label: 'Medical Devices: TeemIp IP addresses for DICOM application entities',
  whenModule: 'teemip-ip-mgmt',
  // IPAddress is TeemIp's parent class; IPv4Address and IPv6Address carry the IP itself (attribute `ip`).
  foreignClasses: { IPAddress: ['fqdn', 'org_id', 'ip'] },
  class: 'MedicalDicomApplicationEntity',
  fields: [
    {
      code: 'ipaddress_id',
      type: 'externalKey',
      mandatory: false,
      target: 'IPAddress',
      onTargetDelete: 'DEL_MANUAL',
      // 3.2.5's filter: the addresses of the AE's organization and of the organizations below it.
      filter: 'SELECT IPAddress AS ip JOIN Organization AS child ON ip.org_id = child.id JOIN Organization AS root ON child.parent_id BELOW root.id WHERE root.id = :this->org_id',
      dependencies: ['org_id'],
      label: t('IP address (TeemIp)', 'IP-Adresse (TeemIp)', 'Adresse IP (TeemIp)'),
      help: t(
        'The TeemIp IP address of the AE; its IP is copied into the IP Address field on every save',
        'Die TeemIp-IP-Adresse der AE; ihre IP wird bei jedem Speichern in das Feld IP-Adresse übernommen',
        "L'adresse IP TeemIp de l'AE ; son IP est recopiée dans le champ Adresse IP à chaque enregistrement",
      ),
    },
    { code: 'ipaddress_name', type: 'externalField', externalKey: 'ipaddress_id', targetAttribute: 'fqdn', label: t('IP address FQDN', 'FQDN der IP-Adresse', "FQDN de l'adresse IP") },
  ],
  mirror: { key: 'ipaddress_id', attribute: 'ip', into: 'ipaddress' },
  showBefore: 'ipaddress',
  description: t(
    'Selected by iTop’s setup where TeemIp’s IP management is installed: a DICOM AE then points at a TeemIp IP address, as in br-medicaldevice 3.2.5, and its IP Address field follows that address.',
    'Wird von der iTop-Installation gewählt, wo die IP-Verwaltung von TeemIp installiert ist: Eine DICOM-AE verweist dann wie in br-medicaldevice 3.2.5 auf eine TeemIp-IP-Adresse, und ihr Feld IP-Adresse folgt dieser Adresse.',
    "Sélectionné par l'installation d'iTop là où la gestion IP de TeemIp est installée : une AE DICOM pointe alors vers une adresse IP TeemIp, comme dans br-medicaldevice 3.2.5, et son champ Adresse IP suit cette adresse.",
  ),
};
