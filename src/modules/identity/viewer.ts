import type { Role } from '../../generated/prisma/client';

/** Who is calling: resolved once per request (HTTP) or per connection (WebSocket) from a bearer token. */
export interface Viewer {
  userId: string;
  role: Role;
  tokenId: string;
}
