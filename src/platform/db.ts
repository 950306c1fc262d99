import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { ConfigError, redactUrl } from '../config';
import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type { PrismaClient };

/** A statement run often: PostgreSQL parses and plans it once per connection (where the driver allows). */
export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * Plain SQL on one connection, on either backend: what the migration runner and the hot write
 * paths use. Bigints should be read as text: the drivers disagree on how to return them.
 */
export interface SqlSession {
  exec(script: string): Promise<void>;
  query<Row>(statement: string | NamedStatement, params?: unknown[]): Promise<Row[]>;
}

const textOf = (statement: string | NamedStatement) => (typeof statement === 'string' ? statement : statement.text);

/** A Prisma transaction as a SqlSession, so SQL written once also runs inside Prisma's transactions. */
export function sqlSessionOf(tx: Prisma.TransactionClient): SqlSession {
  return {
    exec: async (script) => {
      await tx.$executeRawUnsafe(script);
    },
    query: <Row>(statement: string | NamedStatement, params: unknown[] = []) => tx.$queryRawUnsafe<Row[]>(textOf(statement), ...params),
  };
}

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  /** Runs `work` inside one transaction on a dedicated connection. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** One read outside a transaction, for hot paths: a named statement is prepared once per connection. */
  read<Row>(statement: NamedStatement, params: unknown[]): Promise<Row[]>;
  /** SQL statements Prisma has sent since start: lets tests prove a list costs a constant number. */
  statementCount(): number;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
}

type Adapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]['adapter']>;

/** A Prisma client that counts the SQL statements it sends. */
function createPrisma(adapter: Adapter): { prisma: PrismaClient; statementCount: () => number } {
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  let count = 0;
  prisma.$on('query', () => {
    count += 1;
  });
  return { prisma, statementCount: () => count };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Readiness reports the outage.
  });
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new ConfigError(`Cannot connect to DATABASE_URL ${redactUrl(url)}: ${(error as Error).message}`);
  }
  const { prisma, statementCount } = createPrisma(new PrismaPg(pool));
  return {
    kind: 'postgres',
    prisma,
    statementCount,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <Row>(statement: string | NamedStatement, params?: unknown[]) =>
            (await client.query(typeof statement === 'string' ? { text: statement, values: params } : { ...statement, values: params })).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async read<Row>(statement: NamedStatement, params: unknown[]) {
      return (await pool.query({ ...statement, values: params })).rows as Row[];
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPGlite(dataDir: string): Promise<Database> {
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  } catch (error) {
    throw new ConfigError(`Cannot open the embedded database in DATA_DIR ${dataDir}: ${(error as Error).message}`);
  }
  const { prisma, statementCount } = createPrisma(new PrismaPGlite(pglite));
  return {
    kind: 'pglite',
    prisma,
    statementCount,
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <Row>(statement: string | NamedStatement, params?: unknown[]) => (await tx.query<Row>(textOf(statement), params)).rows,
        }),
      ),
    async read<Row>(statement: NamedStatement, params: unknown[]) {
      return (await pglite.query<Row>(statement.text, params)).rows;
    },
    async ping() {
      await pglite.query('select 1');
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPGlite(options.dataDir);
}
