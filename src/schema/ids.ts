import { ValidationError } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** No row has this id; a malformed id looks it up and finds nothing instead of failing in SQL. */
export const NO_ROW = '00000000-0000-0000-0000-000000000000';

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The local id of a decoded global id, or an id that matches nothing when it is not a UUID. */
export function lookupId(id: string): string {
  return isUuid(id) ? id : NO_ROW;
}

/** The local id of a global id argument, or a validation error naming the argument. */
export function requireUuid(id: string, path: string[]): string {
  if (!isUuid(id)) throw ValidationError.single(path, 'is not a valid id');
  return id;
}

/** The type and local id of a Relay global id (base64 of "Type:id"), or null when it is not one. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0 || Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') !== globalId.replace(/=+$/, '')) return null;
  return { typename: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}
