import type { Static } from '@sinclair/typebox';
import type { UrlCheck } from '../../../model/schema/rule.js';
import type { LocalChecker, Violation } from './types.js';

/** Whitespace as PCRE's `\s` without the u flag knows it: space, \t, \n, \v, \f, \r. */
const WHITESPACE = /[ \t\n\v\f\r]/;
/** scheme "://" authority rest; the scheme as written (case-sensitive). */
const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/;

export interface UrlParts {
  scheme: string;
  /** Everything before the last '@' of the authority, or undefined. */
  userInfo: string | undefined;
  /** The host, without userinfo and port ('' when missing). */
  host: string;
}

/** Splits `scheme://[userinfo@]host[:port]…`; undefined when the value is not of that shape. */
export function splitUrl(value: string): UrlParts | undefined {
  const match = ABSOLUTE.exec(value);
  if (!match) return undefined;
  const scheme = match[1] ?? '';
  const authority = match[2] ?? '';
  const at = authority.lastIndexOf('@');
  const userInfo = at >= 0 ? authority.slice(0, at) : undefined;
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:[^:]*$/, '');
  return { scheme, userInfo, host };
}

/**
 * When set: no whitespace anywhere; shape `scheme://authority…` with the scheme, as written, one of `schemes`
 * (so `HTTPS://` fails); a non-empty host; with forbidCredentials, no '@' in the authority (`user@`, `user:pass@`).
 */
export const url: LocalChecker<Static<typeof UrlCheck>> = (check, info) => {
  const { field, schemes, forbidCredentials } = check;
  const index = info.indexOf(field);
  const violation: Violation = { field };
  return (subject) => {
    const value = subject.held[index];
    if (value === null || value === undefined || value === '') return undefined;
    const text = String(value);
    const parts = splitUrl(text);
    const ok =
      !WHITESPACE.test(text) &&
      parts !== undefined &&
      schemes.includes(parts.scheme) &&
      parts.host !== '' &&
      !(forbidCredentials && parts.userInfo !== undefined);
    return ok ? undefined : violation;
  };
};
