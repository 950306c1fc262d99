/** Relay global ids (base64 of "Type:id"), as the API hands them out. No imports: errors use these too. */
export function encodeGlobalId(typename: string, localId: string): string {
  return Buffer.from(`${typename}:${localId}`, 'utf8').toString('base64');
}

/** The type and local id of a Relay global id (base64 of "Type:id"), or null when it is not one. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0 || Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') !== globalId.replace(/=+$/, '')) return null;
  return { typename: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}
