import { ValidationError } from '../errors';

export { decodeGlobalId, encodeGlobalId } from './global-ids';

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
