import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../generated/graphql';

const GRAPHQL_PATH = '/graphql';
/** The server closes a WebSocket whose token is not valid (or no longer valid) with this code. */
const WS_UNAUTHENTICATED = 4401;

/** The token was refused: the caller goes back to sign-in. */
export class SessionEndedError extends Error {
  constructor() {
    super('Your session has ended: the token is not valid any more. Sign in again.');
  }
}

/** The request did not reach the server or the server failed: worth retrying. */
export class NetworkError extends Error {}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type ConnectionState = { kind: 'connecting'; attempt: number } | { kind: 'connected' } | { kind: 'lost'; attempt: number };

export interface Api {
  request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  /** Subscribes until the returned function is called; after a reconnect graphql-ws subscribes again and the server sends a fresh snapshot. */
  subscribe<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, onData: (data: TResult) => void): () => void;
  close(): void;
}

/** Operations over HTTP, live data over one graphql-ws socket that reconnects with backoff until the token is refused. */
export function createApi(token: string, handlers: { onSessionEnded: () => void; onConnection: (state: ConnectionState) => void }): Api {
  let ended = false;
  const endSession = () => {
    if (ended) return;
    ended = true;
    handlers.onSessionEnded();
  };
  let attempt = 0;
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`;
  const ws: Client = createClient({
    url: socketUrl,
    connectionParams: { authorization: `Bearer ${token}` },
    // One socket for the whole session, open before the first view subscribes.
    lazy: false,
    // Losing the socket is reported through `on.closed` (the banner, or the end of the session).
    onNonLazyError: () => undefined,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: async (retries) => {
      const delay = Math.min(10_000, 500 * 2 ** Math.min(retries, 5)) * (0.8 + Math.random() * 0.4);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    shouldRetry: (event) => !(event instanceof CloseEvent && event.code === WS_UNAUTHENTICATED),
    on: {
      connecting: () => handlers.onConnection(attempt === 0 ? { kind: 'connecting', attempt } : { kind: 'lost', attempt }),
      connected: () => {
        attempt = 0;
        handlers.onConnection({ kind: 'connected' });
      },
      closed: (event) => {
        if (event instanceof CloseEvent && event.code === WS_UNAUTHENTICATED) {
          endSession();
          return;
        }
        if (ended) return;
        attempt += 1;
        handlers.onConnection({ kind: 'lost', attempt });
      },
    },
  });

  return {
    async request(document, variables) {
      let response: Response;
      try {
        response = await fetch(GRAPHQL_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: document.toString(), variables }),
        });
      } catch {
        throw new NetworkError('The server could not be reached. Check your connection and try again.');
      }
      if (response.status === 401) {
        endSession();
        throw new SessionEndedError();
      }
      const body = (await response.json().catch(() => ({}))) as GraphQLResponse<typeof document.__apiType>;
      if (body.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
        endSession();
        throw new SessionEndedError();
      }
      if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
      if (!response.ok || !body.data) throw new NetworkError(`The server answered ${response.status}. Try again in a moment.`);
      return body.data as never;
    },
    subscribe(document, variables, onData) {
      return ws.subscribe<never>(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (message) => {
            if (message.data) onData(message.data);
          },
          // A refused token ends the session (handled in `closed`); other errors end only this subscription.
          error: () => undefined,
          complete: () => undefined,
        },
      );
    },
    close() {
      ended = true;
      void ws.dispose();
    },
  };
}

/** Asks the server who a token belongs to, without keeping it anywhere. */
export async function checkToken<TResult>(document: TypedDocumentString<TResult, Record<string, never>>, token: string): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document.toString() }),
    });
  } catch {
    throw new NetworkError('The server could not be reached. Check your connection and try again.');
  }
  if (response.status === 401) throw new SessionEndedError();
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  if (!body.data) throw new NetworkError(body.errors?.[0]?.message ?? `The server answered ${response.status}.`);
  return body.data;
}
