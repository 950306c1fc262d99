import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/platform/db';
import { migrate } from '../../src/platform/migrate';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** The parts of Prisma's DMMF datamodel (src/generated/datamodel.json) this comparison reads. */
interface DatamodelField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
}

interface Datamodel {
  enums: Array<{ name: string; dbName?: string | null; values: Array<{ name: string; dbName?: string | null }> }>;
  models: Array<{ name: string; dbName?: string | null; fields: DatamodelField[] }>;
}

const datamodel = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'generated', 'datamodel.json'), 'utf8')) as Datamodel;
const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));

/** The column type PostgreSQL reports (udt_name) for a Prisma field. */
function expectedType(field: DatamodelField): string {
  const base = (() => {
    if (field.kind === 'enum') return enumDbName.get(field.type)!;
    const native = field.nativeType?.[0];
    switch (field.type) {
      case 'String':
        return native === 'Uuid' ? 'uuid' : native === 'Char' ? 'bpchar' : 'text';
      case 'Int':
        return native === 'SmallInt' ? 'int2' : 'int4';
      case 'BigInt':
        return 'int8';
      case 'Float':
        return 'float8';
      case 'Boolean':
        return 'bool';
      case 'DateTime':
        return native === 'Timestamptz' ? 'timestamptz' : 'timestamp';
      case 'Json':
        return 'jsonb';
      default:
        return `unmapped ${field.type}`;
    }
  })();
  return field.isList ? `_${base}` : base;
}

interface Column {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

let testDatabase: TestDatabase;
let db: Database;
let columns: Column[];

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDatabase.url, dataDir: 'memory://' });
  await migrate(db);
  columns = await db.transaction((session) =>
    session.query<Column>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    ),
  );
});

afterAll(async () => {
  await db.close();
  await testDatabase.drop();
});

describe('migrations match schema.prisma', () => {
  it('has exactly the tables and columns of the models, with their types and nullability', () => {
    const expected = datamodel.models.flatMap((model): Column[] =>
      model.fields
        .filter((field) => field.kind === 'scalar' || field.kind === 'enum')
        .map((field) => ({
          table_name: model.dbName ?? model.name,
          column_name: field.dbName ?? field.name,
          udt_name: expectedType(field),
          is_nullable: field.isRequired || field.isList ? 'NO' : 'YES',
        })),
    );
    const key = (column: Column) => `${column.table_name}.${column.column_name}`;
    const sorted = (list: Column[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sorted(columns)).toEqual(sorted(expected));
  });

  it('has the enums of the models with their values', async () => {
    const rows = await db.transaction((session) =>
      session.query<{ name: string; value: string }>(
        `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
      ),
    );
    const actual = new Map<string, string[]>();
    for (const row of rows) actual.set(row.name, [...(actual.get(row.name) ?? []), row.value]);
    const expected = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((value) => value.dbName ?? value.name)]));
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });
});
