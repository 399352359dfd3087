import { t } from '../define.js';
import type { RuleDefinition } from '../schema/model.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';
const DIMSE = ['DICOM', 'DICOM_TLS'];
const SENDING_ROLES = ['SCU', 'BOTH'];

/** SPEC §3. AE-10 is not here: the generator derives it from LNK-2 and LNK-3 (`protectReferencedSide`). */
export const rules: RuleDefinition[] = [
  {
    id: 'AE-1',
    class: AE,
    severity: 'error',
    summary: t(
      'AE title: 1–16 printable ASCII characters (0x20–0x7E) without backslash, no leading or trailing space (DICOM PS3.5, value representation AE).',
      'AE-Titel: 1–16 druckbare ASCII-Zeichen (0x20–0x7E) ohne Backslash, ohne Leerzeichen am Anfang oder Ende (DICOM PS3.5, Wertdarstellung AE).',
      "Titre AE : 1 à 16 caractères ASCII imprimables (0x20–0x7E) sans barre oblique inverse, sans espace en début ni en fin (DICOM PS3.5, représentation de valeur AE).",
    ),
    message: t(
      'AE title "{aetitle}" is invalid: use 1 to 16 printable ASCII characters, no backslash and no leading or trailing space.',
      'Der AE-Titel „{aetitle}“ ist ungültig: zulässig sind 1 bis 16 druckbare ASCII-Zeichen ohne Backslash und ohne Leerzeichen am Anfang oder Ende.',
      "Le titre AE « {aetitle} » est invalide : utilisez 1 à 16 caractères ASCII imprimables, sans barre oblique inverse ni espace en début ou en fin.",
    ),
    check: { kind: 'text-format', field: 'aetitle', minLength: 1, maxLength: 16, allowedRanges: [[0x20, 0x7e]], forbiddenCharacters: '\\', forbidSurroundingSpaces: true },
  },
  {
    id: 'AE-2',
    class: AE,
    severity: 'error',
    summary: t(
      'AE title unique within its organization (compared case-insensitively, as the database compares).',
      'AE-Titel innerhalb der Organisation eindeutig (ohne Unterscheidung von Groß- und Kleinschreibung, wie die Datenbank vergleicht).',
      "Titre AE unique au sein de son organisation (comparaison insensible à la casse, comme celle de la base de données).",
    ),
    message: t(
      'AE title "{aetitle}" is already used by another AE of this organization.',
      'Der AE-Titel „{aetitle}“ wird bereits von einer anderen AE dieser Organisation verwendet.',
      "Le titre AE « {aetitle} » est déjà utilisé par une autre AE de cette organisation.",
    ),
    check: { kind: 'unique-together', fields: ['org_id', 'aetitle'], ignoreWhenEmpty: ['aetitle'] },
  },
  {
    id: 'AE-3',
    class: AE,
    severity: 'error',
    summary: t(
      'Role SCU or BOTH with protocol DICOM or DICOM TLS: IP address and port required.',
      'Rolle SCU oder BEIDE mit Protokoll DICOM oder DICOM TLS: IP-Adresse und Port erforderlich.',
      'Rôle SCU ou LES DEUX avec le protocole DICOM ou DICOM TLS : adresse IP et port obligatoires.',
    ),
    message: t(
      'An AE with role SCU or BOTH over DICOM or DICOM TLS needs an IP address and a port.',
      'Eine AE mit Rolle SCU oder BEIDE über DICOM oder DICOM TLS benötigt eine IP-Adresse und einen Port.',
      'Une AE de rôle SCU ou LES DEUX en DICOM ou DICOM TLS doit avoir une adresse IP et un port.',
    ),
    check: { kind: 'required-when', fields: ['ipaddress', 'port'], when: { role: SENDING_ROLES, protocol: DIMSE } },
  },
  {
    id: 'AE-4',
    class: AE,
    severity: 'error',
    summary: t(
      'Port, when set, within 1–65535 (0 and negative numbers are errors, not "unset").',
      'Port, falls gesetzt, im Bereich 1–65535 (0 und negative Zahlen sind Fehler, nicht „nicht gesetzt“).',
      "Port, s'il est renseigné, compris entre 1 et 65535 (0 et les nombres négatifs sont des erreurs, pas « non renseigné »).",
    ),
    message: t(
      'Port {port} is out of range: use a number from 1 to 65535.',
      'Der Port {port} liegt außerhalb des gültigen Bereichs: zulässig sind Werte von 1 bis 65535.',
      'Le port {port} est hors plage : utilisez un nombre compris entre 1 et 65535.',
    ),
    check: { kind: 'range', field: 'port', min: 1, max: 65535 },
  },
  {
    id: 'AE-5',
    class: AE,
    severity: 'error',
    summary: t('Protocol DICOMweb: endpoint URL required.', 'Protokoll DICOMweb: Endpunkt-URL erforderlich.', 'Protocole DICOMweb : URL du point de terminaison obligatoire.'),
    message: t(
      'A DICOMweb AE needs an endpoint URL.',
      'Eine DICOMweb-AE benötigt eine Endpunkt-URL.',
      'Une AE DICOMweb doit avoir une URL de point de terminaison.',
    ),
    check: { kind: 'required-when', fields: ['endpoint_url'], when: { protocol: ['DICOMWEB'] } },
  },
  {
    id: 'AE-6',
    class: AE,
    severity: 'error',
    summary: t(
      'Endpoint URL, when set: absolute http:// or https:// URL with a host, no spaces, no user or password.',
      'Endpunkt-URL, falls gesetzt: absolute http://- oder https://-URL mit Host, ohne Leerzeichen, ohne Benutzer oder Passwort.',
      "URL du point de terminaison, si renseignée : URL absolue http:// ou https:// avec un hôte, sans espace, sans utilisateur ni mot de passe.",
    ),
    message: t(
      'Endpoint URL "{endpoint_url}" is invalid: use an absolute http:// or https:// URL with a host, without spaces or credentials.',
      'Die Endpunkt-URL „{endpoint_url}“ ist ungültig: eine absolute http://- oder https://-URL mit Host verwenden, ohne Leerzeichen oder Zugangsdaten.',
      "L'URL du point de terminaison « {endpoint_url} » est invalide : utilisez une URL absolue http:// ou https:// avec un hôte, sans espace ni identifiants.",
    ),
    check: { kind: 'url', field: 'endpoint_url', schemes: ['http', 'https'], forbidCredentials: true },
  },
  {
    id: 'AE-7',
    class: AE,
    severity: 'warning',
    summary: t(
      'Endpoint URL set while protocol is DICOM or DICOM TLS.',
      'Endpunkt-URL gesetzt, obwohl das Protokoll DICOM oder DICOM TLS ist.',
      'URL du point de terminaison renseignée alors que le protocole est DICOM ou DICOM TLS.',
    ),
    message: t(
      'An endpoint URL is documented for a DICOM or DICOM TLS AE; it is meant for DICOMweb endpoints.',
      'Für eine DICOM- oder DICOM-TLS-AE ist eine Endpunkt-URL dokumentiert; sie ist für DICOMweb-Endpunkte gedacht.',
      "Une URL de point de terminaison est documentée pour une AE DICOM ou DICOM TLS ; elle est prévue pour les points de terminaison DICOMweb.",
    ),
    check: { kind: 'empty-when', fields: ['endpoint_url'], when: { protocol: DIMSE } },
  },
  {
    id: 'AE-8',
    class: AE,
    severity: 'warning',
    summary: t('Role SCU or BOTH without modality (recommended).', 'Rolle SCU oder BEIDE ohne Modalität (empfohlen).', 'Rôle SCU ou LES DEUX sans modalité (recommandée).'),
    message: t(
      'A modality is recommended for an AE with role SCU or BOTH.',
      'Für eine AE mit Rolle SCU oder BEIDE wird eine Modalität empfohlen.',
      'Une modalité est recommandée pour une AE de rôle SCU ou LES DEUX.',
    ),
    check: { kind: 'required-when', fields: ['modality'], when: { role: SENDING_ROLES } },
  },
  {
    id: 'AE-9',
    class: AE,
    severity: 'warning',
    summary: t(
      'Another AE of the same organization uses the same IP address and port (legal in DICOM); an empty IP address never collides.',
      'Eine andere AE derselben Organisation verwendet dieselbe IP-Adresse und denselben Port (in DICOM zulässig); eine leere IP-Adresse kollidiert nie.',
      "Une autre AE de la même organisation utilise la même adresse IP et le même port (autorisé en DICOM) ; une adresse IP vide n'entre jamais en conflit.",
    ),
    message: t(
      'Another AE of this organization already listens on {ipaddress}:{port}.',
      'Eine andere AE dieser Organisation lauscht bereits auf {ipaddress}:{port}.',
      "Une autre AE de cette organisation écoute déjà sur {ipaddress}:{port}.",
    ),
    check: { kind: 'unique-together', fields: ['org_id', 'ipaddress', 'port'], ignoreWhenEmpty: ['ipaddress', 'port'] },
  },
  {
    id: 'LNK-1',
    class: LINK,
    severity: 'error',
    summary: t('Source and target are different AEs.', 'Quelle und Ziel sind verschiedene AEs.', 'La source et la cible sont des AE différentes.'),
    message: t(
      'Source and target AE must not be identical.',
      'Quell- und Ziel-AE dürfen nicht identisch sein.',
      "Les AE source et cible ne doivent pas être identiques.",
    ),
    check: { kind: 'distinct-fields', fields: ['source_ae_id', 'target_ae_id'] },
  },
  {
    id: 'LNK-2',
    class: LINK,
    severity: 'error',
    summary: t('Source AE is not SCP-only.', 'Die Quell-AE ist kein reiner SCP.', "L'AE source n'est pas uniquement SCP."),
    message: t(
      'The source AE has role SCP only and cannot send or initiate communication.',
      'Die Quell-AE hat nur die Rolle SCP und kann keine Kommunikation senden oder initiieren.',
      "L'AE source a uniquement le rôle SCP et ne peut ni émettre ni initier de communication.",
    ),
    check: {
      kind: 'referenced-value-not-in',
      field: 'source_ae_id',
      attribute: 'role',
      values: ['SCP'],
      protectReferencedSide: {
        ruleId: 'AE-10',
        summary: t(
          'A role change must not break an existing link: an AE that is the source of a link cannot become SCP only.',
          'Eine Rollenänderung darf keine bestehende Verbindung brechen: eine AE, die Quelle einer Verbindung ist, kann nicht zum reinen SCP werden.',
          "Un changement de rôle ne doit pas rompre un lien existant : une AE source d'un lien ne peut pas devenir uniquement SCP.",
        ),
        message: t(
          'AE "{aetitle}" is the source of at least one communication link and cannot become SCP only.',
          'Die AE „{aetitle}“ ist die Quelle mindestens einer Kommunikationsverbindung und kann nicht zu einem reinen SCP werden.',
          "L'AE « {aetitle} » est la source d'au moins un lien de communication et ne peut pas devenir uniquement SCP.",
        ),
      },
    },
  },
  {
    id: 'LNK-3',
    class: LINK,
    severity: 'error',
    summary: t('Target AE is not SCU-only.', 'Die Ziel-AE ist kein reiner SCU.', "L'AE cible n'est pas uniquement SCU."),
    message: t(
      'The target AE has role SCU only and cannot receive communication.',
      'Die Ziel-AE hat nur die Rolle SCU und kann keine Kommunikation empfangen.',
      "L'AE cible a uniquement le rôle SCU et ne peut pas recevoir de communication.",
    ),
    check: {
      kind: 'referenced-value-not-in',
      field: 'target_ae_id',
      attribute: 'role',
      values: ['SCU'],
      protectReferencedSide: {
        ruleId: 'AE-10',
        summary: t(
          'A role change must not break an existing link: an AE that is the target of a link cannot become SCU only.',
          'Eine Rollenänderung darf keine bestehende Verbindung brechen: eine AE, die Ziel einer Verbindung ist, kann nicht zum reinen SCU werden.',
          "Un changement de rôle ne doit pas rompre un lien existant : une AE cible d'un lien ne peut pas devenir uniquement SCU.",
        ),
        message: t(
          'AE "{aetitle}" is the target of at least one communication link and cannot become SCU only.',
          'Die AE „{aetitle}“ ist das Ziel mindestens einer Kommunikationsverbindung und kann nicht zu einem reinen SCU werden.',
          "L'AE « {aetitle} » est la cible d'au moins un lien de communication et ne peut pas devenir uniquement SCU.",
        ),
      },
    },
  },
  {
    id: 'LNK-4',
    class: LINK,
    severity: 'error',
    summary: t(
      'At most one link per organization, source, target and direction (a PULL beside a PUSH between the same AEs is allowed).',
      'Höchstens eine Verbindung je Organisation, Quelle, Ziel und Richtung (ein PULL neben einem PUSH zwischen denselben AEs ist zulässig).',
      "Au plus un lien par organisation, source, cible et direction (un PULL à côté d'un PUSH entre les mêmes AE est autorisé).",
    ),
    message: t(
      'A {direction} link between these two AEs already exists in this organization.',
      'Eine {direction}-Verbindung zwischen diesen beiden AEs existiert in dieser Organisation bereits.',
      'Un lien {direction} entre ces deux AE existe déjà dans cette organisation.',
    ),
    check: { kind: 'unique-together', fields: ['org_id', 'source_ae_id', 'target_ae_id', 'direction'], ignoreWhenEmpty: [] },
  },
];
