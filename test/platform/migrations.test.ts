import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DMMF } from '@prisma/generator-helper';
import { openDatabase, type Database } from '../../src/platform/db';
import { MIGRATIONS_DIR, migrate, readMigrations, type Migration } from '../../src/platform/migrate';
import { hasPostgres, itIf } from '../support/conditional';
import { createTestDatabase, type TestDatabase } from '../support/database';

const DATAMODEL_FILE = join(__dirname, '..', '..', 'src', 'generated', 'datamodel.json');

/** A database of this file's own: a fresh PostgreSQL database, or in-memory PGlite. */
interface FreshDatabase {
  url: string | undefined;
  db: Database;
  /** Back to empty: much cheaper than another database, which on PGlite takes seconds. */
  empty(): Promise<void>;
  dispose(): Promise<void>;
}

async function freshDatabase(): Promise<FreshDatabase> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const db = await openDatabase({ databaseUrl: testDatabase.url, dataDir: 'memory://' });
  return {
    url: testDatabase.url,
    db,
    empty: () => db.transaction((session) => session.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public')),
    async dispose() {
      await db.close();
      await testDatabase.drop();
    },
  };
}

let fresh: FreshDatabase;

beforeAll(async () => {
  fresh = await freshDatabase();
});

afterAll(async () => {
  await fresh?.dispose();
});

function query<Row>(db: Database, text: string, params?: unknown[]): Promise<Row[]> {
  return db.transaction((session) => session.query<Row>(text, params));
}

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function migrationRecords(db: Database): Promise<MigrationRecord[]> {
  return query<MigrationRecord>(
    db,
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name',
  );
}

// ---------------------------------------------------------------------------------------------
// Drift: what schema.prisma describes (its DMMF datamodel) against what the migrations build.

/** A column's type as one comparable string, e.g. `text`, `character(3)`, `USER-DEFINED role`. */
type ColumnShape = { type: string; nullable: boolean };

/** Prisma's native type attribute (`@db.X(args)`) as PostgreSQL reports it in information_schema. */
const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Text: () => 'text',
  Char: ([length = '1']) => `character(${length})`,
  VarChar: ([length]) => (length ? `character varying(${length})` : 'character varying'),
  Uuid: () => 'uuid',
  Boolean: () => 'boolean',
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  Real: () => 'real',
  DoublePrecision: () => 'double precision',
  Decimal: ([precision = '65', scale = '30']) => `numeric(${precision},${scale})`,
  Money: () => 'money',
  Date: () => 'date',
  Time: ([precision = '6']) => `time without time zone(${precision})`,
  Timetz: ([precision = '6']) => `time with time zone(${precision})`,
  // Without an argument PostgreSQL's default precision applies, which is 6.
  Timestamp: ([precision = '6']) => `timestamp without time zone(${precision})`,
  Timestamptz: ([precision = '6']) => `timestamp with time zone(${precision})`,
  Json: () => 'json',
  JsonB: () => 'jsonb',
  ByteA: () => 'bytea',
  Inet: () => 'inet',
  Citext: () => 'USER-DEFINED citext',
};

/** What a Prisma scalar becomes on PostgreSQL when the field has no `@db.` attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Boolean: 'boolean',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp without time zone(3)',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** The column a model field should have, or a reason the test cannot tell. */
function expectedColumn(field: DMMF.Field, enums: Map<string, DMMF.DatamodelEnum>): ColumnShape | { unknown: string } {
  let type: string | undefined;
  if (field.kind === 'enum') {
    const enumType = enums.get(field.type);
    type = `USER-DEFINED ${enumType?.dbName ?? field.type}`;
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    type = NATIVE_TYPES[name]?.(args);
    if (!type) return { unknown: `native type @db.${name}` };
  } else {
    type = DEFAULT_TYPES[field.type];
    if (!type) return { unknown: `scalar type ${field.type}` };
  }
  if (field.isList) return { type: `ARRAY of ${type}`, nullable: true };
  return { type, nullable: !field.isRequired };
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

/** information_schema's description of a column, in the same shape as expectedColumn's. */
function actualColumn(row: ColumnRow, elementTypes: Map<string, string>): ColumnShape {
  const { data_type: dataType } = row;
  let type: string = dataType;
  if (dataType === 'USER-DEFINED') type = `USER-DEFINED ${row.udt_name}`;
  else if (dataType === 'ARRAY') type = `ARRAY of ${elementTypes.get(row.udt_name) ?? row.udt_name}`;
  else if (dataType === 'character' || dataType === 'character varying') {
    if (row.character_maximum_length !== null) type = `${dataType}(${row.character_maximum_length})`;
  } else if (dataType === 'numeric') type = `numeric(${row.numeric_precision},${row.numeric_scale})`;
  else if (dataType.startsWith('timestamp') || dataType.startsWith('time ')) type = `${dataType}(${row.datetime_precision})`;
  return { type, nullable: row.is_nullable === 'YES' };
}

/** Array columns: information_schema says only `ARRAY` and `_<element>`; pg_type names the element. */
async function arrayElementTypes(db: Database): Promise<Map<string, string>> {
  const rows = await query<{ array_name: string; element_name: string; element_category: string }>(
    db,
    `SELECT a.typname AS array_name, e.typname AS element_name, e.typcategory AS element_category
       FROM pg_type a JOIN pg_type e ON e.oid = a.typelem
      WHERE a.typcategory = 'A'`,
  );
  // Built-in element types read as information_schema would spell them; enums as USER-DEFINED.
  const spelled: Record<string, string> = {
    text: 'text',
    int4: 'integer',
    int8: 'bigint',
    int2: 'smallint',
    bool: 'boolean',
    float8: 'double precision',
    float4: 'real',
    uuid: 'uuid',
    jsonb: 'jsonb',
    json: 'json',
    date: 'date',
    timestamptz: 'timestamp with time zone(6)',
  };
  return new Map(
    rows.map((row) => [row.array_name, row.element_category === 'E' ? `USER-DEFINED ${row.element_name}` : (spelled[row.element_name] ?? row.element_name)]),
  );
}

/** Every difference between the datamodel and the migrated database, one readable line each. */
async function driftBetween(datamodel: DMMF.Datamodel, db: Database): Promise<string[]> {
  const differences: string[] = [];
  const enums = new Map(datamodel.enums.map((enumType) => [enumType.name, enumType]));
  const tables = await query<{ table_name: string }>(
    db,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const columns = await query<ColumnRow>(
    db,
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length,
            numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const elementTypes = await arrayElementTypes(db);
  const columnsByTable = new Map<string, Map<string, ColumnRow>>();
  for (const row of columns) {
    const byName = columnsByTable.get(row.table_name) ?? new Map<string, ColumnRow>();
    byName.set(row.column_name, row);
    columnsByTable.set(row.table_name, byName);
  }

  const modelTables = new Set<string>();
  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    modelTables.add(table);
    const actualColumns = columnsByTable.get(table);
    if (!tables.some((row) => row.table_name === table) || !actualColumns) {
      differences.push(`table "${table}" (model ${model.name}) is missing`);
      continue;
    }
    const modelColumns = new Set<string>();
    for (const field of model.fields) {
      if (field.kind === 'object' || field.kind === 'unsupported') continue;
      const column = field.dbName ?? field.name;
      modelColumns.add(column);
      const where = `"${table}"."${column}" (${model.name}.${field.name})`;
      const expected = expectedColumn(field, enums);
      if ('unknown' in expected) {
        differences.push(`${where}: the drift test does not know ${expected.unknown}; teach it`);
        continue;
      }
      const row = actualColumns.get(column);
      if (!row) {
        differences.push(`${where} is missing`);
        continue;
      }
      const actual = actualColumn(row, elementTypes);
      if (actual.type !== expected.type) differences.push(`${where} is ${actual.type}, the model says ${expected.type}`);
      // Prisma's own migrations leave list columns nullable; NOT NULL is stricter and reads the same.
      if (!field.isList && actual.nullable !== expected.nullable) {
        differences.push(`${where} is ${actual.nullable ? 'nullable' : 'NOT NULL'}, the model says ${expected.nullable ? 'optional' : 'required'}`);
      }
    }
    for (const column of actualColumns.keys()) {
      if (!modelColumns.has(column)) differences.push(`"${table}"."${column}" exists but model ${model.name} has no such field`);
    }
  }
  for (const { table_name: table } of tables) {
    if (table !== '_prisma_migrations' && !modelTables.has(table)) differences.push(`table "${table}" exists but no model maps to it`);
  }

  const labels = await query<{ enum_name: string; labels: string[] }>(
    db,
    `SELECT t.typname AS enum_name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  const labelsByEnum = new Map(labels.map((row) => [row.enum_name, row.labels]));
  for (const enumType of datamodel.enums) {
    const name = enumType.dbName ?? enumType.name;
    const expected = enumType.values.map((value) => value.dbName ?? value.name);
    const actual = labelsByEnum.get(name);
    // Values are compared as sets: PostgreSQL adds a value at the end (ALTER TYPE … ADD VALUE), as
    // Prisma's own migrations do, and the order only shows in ORDER BY on the column.
    const sorted = (values: string[]) => [...values].sort().join(', ');
    if (!actual) differences.push(`enum type "${name}" (enum ${enumType.name}) is missing`);
    else if (sorted(actual) !== sorted(expected)) differences.push(`enum type "${name}" has (${sorted(actual)}), the model says (${sorted(expected)})`);
    labelsByEnum.delete(name);
  }
  for (const name of labelsByEnum.keys()) differences.push(`enum type "${name}" exists but no enum maps to it`);
  return differences;
}

describe('migration drift', () => {
  beforeAll(async () => {
    await fresh.empty();
    await migrate(fresh.db);
  });

  it('builds exactly the tables, columns, types and nullability that schema.prisma describes', async () => {
    const datamodel = JSON.parse(await readFile(DATAMODEL_FILE, 'utf8')) as DMMF.Datamodel;
    expect(datamodel.models.length).toBeGreaterThan(0);
    const differences = await driftBetween(datamodel, fresh.db);
    if (differences.length > 0) {
      throw new Error(
        `The migrated database differs from prisma/schema.prisma (${DATAMODEL_FILE} is written by \`npm run generate:prisma\`).\n` +
          'Add a migration under prisma/migrations (or fix the schema):\n' +
          differences.map((difference) => `  - ${difference}`).join('\n'),
      );
    }
  });

  it('notices drift: a column the model lacks, a wrong type, a missing table', async () => {
    // The comparison must be able to fail, or the test above proves nothing.
    const datamodel = JSON.parse(await readFile(DATAMODEL_FILE, 'utf8')) as DMMF.Datamodel;
    const [first, second] = datamodel.models;
    if (!first || !second) throw new Error('the datamodel needs two models for this test');
    const scalarFields = first.fields.filter((field) => field.kind === 'scalar');
    const dropped = scalarFields[scalarFields.length - 1]!;
    const retyped = scalarFields.find((field) => field !== dropped && !field.nativeType && field.type === 'String');
    const tampered: DMMF.Datamodel = {
      ...datamodel,
      models: [
        {
          ...first,
          fields: first.fields.filter((field) => field !== dropped).map((field) => (field === retyped ? { ...field, type: 'Int', isRequired: false } : field)),
        },
        ...datamodel.models.slice(2),
        { ...second, name: 'Ghost', dbName: 'ghosts' },
      ],
    };
    const differences = await driftBetween(tampered, fresh.db);
    const table = first.dbName ?? first.name;
    expect(differences).toEqual(
      expect.arrayContaining([
        `"${table}"."${dropped.dbName ?? dropped.name}" exists but model ${first.name} has no such field`,
        `table "ghosts" (model Ghost) is missing`,
        `table "${second.dbName ?? second.name}" exists but no model maps to it`,
        ...(retyped
          ? [
              `"${table}"."${retyped.dbName ?? retyped.name}" (${first.name}.${retyped.name}) is text, the model says integer`,
              `"${table}"."${retyped.dbName ?? retyped.name}" (${first.name}.${retyped.name}) is NOT NULL, the model says optional`,
            ]
          : []),
      ]),
    );
  });
});

describe('migration runner', () => {
  beforeEach(async () => {
    await fresh.empty();
  });

  it('applies every migration once, in name order, and records it as Prisma would', async () => {
    const migrations = await readMigrations();
    const names = migrations.map((migration) => migration.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort());
    expect(await migrate(fresh.db)).toEqual(names);
    const records = await migrationRecords(fresh.db);
    expect(records.map((record) => [record.migration_name, record.checksum])).toEqual(migrations.map((migration) => [migration.name, migration.checksum]));
    expect(records.every((record) => record.finished_at !== null && record.rolled_back_at === null)).toBe(true);

    expect(await migrate(fresh.db)).toEqual([]);
    expect(await migrationRecords(fresh.db)).toHaveLength(migrations.length);
  });

  it('applies only the new migrations later, after the old ones, in order', async () => {
    const existing = await readMigrations();
    await migrate(fresh.db);
    // The second new migration needs the first: out of order it would fail.
    const later: Migration[] = [
      { name: '29990101000000_notes', sql: 'CREATE TABLE "test_notes" ("id" INTEGER PRIMARY KEY)', checksum: 'notes-v1' },
      { name: '29990102000000_note_body', sql: 'ALTER TABLE "test_notes" ADD COLUMN "body" TEXT NOT NULL', checksum: 'body-v1' },
    ];
    expect(await migrate(fresh.db, [...existing, ...later])).toEqual(later.map((migration) => migration.name));
    expect((await migrationRecords(fresh.db)).map((record) => record.migration_name)).toEqual([...existing, ...later].map((migration) => migration.name));
    expect(await query(fresh.db, 'SELECT id, body FROM "test_notes"')).toEqual([]);
  });

  it('rolls a failing migration back entirely and records nothing of that run', async () => {
    const existing = await readMigrations();
    await migrate(fresh.db);
    const broken: Migration[] = [
      { name: '29990101000000_fine', sql: 'CREATE TABLE "test_fine" ("id" INTEGER)', checksum: 'fine' },
      { name: '29990102000000_broken', sql: 'ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER', checksum: 'broken' },
    ];
    await expect(migrate(fresh.db, [...existing, ...broken])).rejects.toThrow(/no_such_table/);
    expect(await migrationRecords(fresh.db)).toHaveLength(existing.length);
    const leftovers = await query(fresh.db, `SELECT 1 FROM information_schema.tables WHERE table_name = 'test_fine'`);
    expect(leftovers).toEqual([]);
  });

  it('refuses to start when an applied migration file was changed afterwards', async () => {
    await migrate(fresh.db);
    // Edit a copy of the migrations, as a developer editing an applied migration would.
    const copy = await mkdtemp(join(tmpdir(), 'cg-migrations-'));
    try {
      await cp(MIGRATIONS_DIR, copy, { recursive: true });
      const [first] = await readMigrations(copy);
      if (!first) throw new Error('no migrations found');
      const file = join(copy, first.name, 'migration.sql');
      await writeFile(file, `${await readFile(file, 'utf8')}\nCREATE TABLE "sneaky" ("id" INTEGER);\n`);
      const edited = await readMigrations(copy);
      await expect(migrate(fresh.db, edited)).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
    const sneaky = await query(fresh.db, `SELECT 1 FROM information_schema.tables WHERE table_name = 'sneaky'`);
    expect(sneaky).toEqual([]);
  });

  // Several servers starting at once against one PostgreSQL: the advisory lock serialises them.
  itIf(hasPostgres)('applies each migration exactly once when two servers migrate one database at the same time', async () => {
    const migrations = await readMigrations();
    const second = await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://' });
    try {
      const results = await Promise.all([migrate(fresh.db), migrate(second)]);
      expect(results.flat().sort()).toEqual(migrations.map((migration) => migration.name).sort());
      expect(results.some((applied) => applied.length === 0)).toBe(true);
      const counts = await query<{ migration_name: string; count: string }>(
        fresh.db,
        'SELECT migration_name, count(*)::text AS count FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name',
      );
      expect(counts).toEqual(migrations.map((migration) => ({ migration_name: migration.name, count: '1' })));
    } finally {
      await second.close();
    }
  });
});
