import { Access } from '../../src/modules/access/policy';
import { csvImportRows, importCsv, parseCsv } from '../../src/modules/audiences/csv';
import { ProfilesDocument } from '../generated/graphql';
import { startServer, type TestServer } from '../support/server';

describe('parsing CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and CRLF lines', () => {
    expect(parseCsv('a,b,c\r\n1,"two, too","say ""hi"""\n"multi\nline",,x')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, too', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
  });

  it('refuses a file that ends inside quotes', () => {
    expect(() => parseCsv('a\n"open')).toThrow('ends inside a quoted field');
  });

  it('maps columns to import fields, converts cells and counts lines across quoted breaks', () => {
    const rows = csvImportRows(
      'profiles',
      '\uFEFFexternal_id,city,age,interests,latitude,longitude,created_at\np1,"Berlin",31,coffee| music ,52.5,13.4,2025-01-01T00:00:00Z\n\n"p\n2",Hamburg,,,,,2025-01-02T00:00:00Z\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        row: {
          externalId: 'p1',
          city: 'Berlin',
          age: 31,
          interests: ['coffee', 'music'],
          latitude: 52.5,
          longitude: 13.4,
          createdAt: new Date('2025-01-01T00:00:00Z'),
        },
      },
      { line: 4, row: { externalId: 'p\n2', city: 'Hamburg', createdAt: new Date('2025-01-02T00:00:00Z') } },
    ]);
  });

  it('names unknown columns and rows with the wrong number of fields', () => {
    expect(() => csvImportRows('activities', 'external_id,profile,kind\n')).toThrow(
      'has unknown columns profile; activities files have external_id, profile_external_id, kind, occurred_at',
    );
    expect(() => csvImportRows('friendships', 'profile_external_id,friend_external_id\na,b,c\n')).toThrow('line 2: has 3 fields; the header has 2');
  });
});

describe('importing CSV files', () => {
  let server: TestServer;
  let access: Access;

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.app.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    access = new Access({ userId: admin.id, role: 'ADMIN', tokenId: 'test' }, server.app.db.prisma);
  });

  afterAll(async () => {
    await server.close();
  });

  const profiles = ['external_id,city,age_range,gender,phone,email,interests,created_at']
    .concat(Array.from({ length: 1203 }, (_, i) => `csv-${i},Köln,25-34,FEMALE,+49 221 ${1_000_000 + i},p${i}@example.test,coffee|books,2025-03-01T10:00:00Z`))
    .join('\n');

  it('imports in batches through the import service, and a second import changes nothing', async () => {
    const batches: Array<{ from: number; to: number }> = [];
    const first = await importCsv(server.app.services.audienceImport, access, 'profiles', profiles, (_counts, lines) => batches.push(lines));
    expect(first).toEqual({ received: 1203, created: 1203, updated: 0, unchanged: 0 });
    expect(batches).toEqual([
      { from: 2, to: 1001 },
      { from: 1002, to: 1204 },
    ]);
    expect(await importCsv(server.app.services.audienceImport, access, 'profiles', profiles)).toEqual({
      received: 1203,
      created: 0,
      updated: 0,
      unchanged: 1203,
    });
    const { profiles: imported } = await server.client(server.adminToken).request(ProfilesDocument, { city: 'Köln', first: 1 });
    expect(imported.totalCount).toBe(1203);
    expect(imported.edges[0]?.node).toMatchObject({ ageRange: 'AGE_25_34', gender: 'FEMALE', interests: ['books', 'coffee'] });
  });

  it('reports problems by line and column, and writes nothing of the failing batch', async () => {
    const file = [
      'profile_external_id,channel,subscribed,changed_at,source',
      'csv-1,WHATSAPP,yes,2025-04-01T00:00:00Z,SIGNUP_FORM',
      'csv-2,CARRIER_PIGEON,maybe,yesterday,SIGNUP_FORM',
      'nobody,EMAIL,no,2025-04-01T00:00:00Z,UNSUBSCRIBE_LINK',
    ].join('\n');
    await expect(importCsv(server.app.services.audienceImport, access, 'subscriptions', file)).rejects.toMatchObject({
      issues: expect.arrayContaining([
        { path: ['line 3', 'channel'], message: expect.any(String) },
        { path: ['line 3', 'subscribed'], message: expect.any(String) },
        { path: ['line 3', 'changed_at'], message: 'must be a date-time' },
      ]),
    });
    const onlyUnknownProfile = [file.split('\n')[0], file.split('\n')[3]].join('\n');
    await expect(importCsv(server.app.services.audienceImport, access, 'subscriptions', onlyUnknownProfile)).rejects.toMatchObject({
      issues: [{ path: ['line 2', 'profile_external_id'], message: 'no profile has the external id nobody' }],
    });
    expect(await server.app.db.prisma.profileSubscription.count()).toBe(0);
  });
});
