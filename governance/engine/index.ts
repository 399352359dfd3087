export { validate, createValidator, type BulkOptions, type Validation, type Validator } from './validate.js';
export type { WrittenValues } from './subject.js';
export { InMemoryContext, classParentsOf, type GovernanceContext, type CountQuery, type LookupOrigin, type LookupRecord, type InMemoryContextOptions } from './context.js';
export { WriteError, type Issue, type Write, type WriteValue, type StoredRecord, type StoredValue, type ValidateOptions } from './types.js';
export {
  ITOP_IPADDRESS_PATTERN,
  ITOP_URL_DEFAULT_VALIDATION_PATTERN,
  ITOP_URL_PATTERN,
  matchesItopIpAddress,
  matchesItopUrl,
  pcreToRegExp,
} from './itop-attribute-checks.js';
export { collationKey, phpIntCast, toItopValue } from './values.js';
