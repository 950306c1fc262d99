import { ViewerResolver } from '../../src/modules/identity/service';
import { decodeGlobalId } from '../../src/schema/ids';
import { createUser, startServer, type TestServer } from '../support/server';

let server: TestServer;
const localId = (globalId: string) => decodeGlobalId(globalId)!.id;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

describe('resolving bearer tokens', () => {
  it('trusts a found token for the cache time, then sees its revocation', async () => {
    const user = await createUser(server, 'BUSINESS_OWNER', 'cached');
    const viewers = new ViewerResolver(server.app.db.prisma, 200);
    const viewer = await viewers.resolve(user.token);
    expect(viewer).toMatchObject({ userId: localId(user.id), role: 'BUSINESS_OWNER' });

    const before = server.app.db.statementCount();
    expect(await viewers.resolve(user.token)).toEqual(viewer);
    expect(server.app.db.statementCount()).toBe(before);

    await server.app.db.prisma.apiToken.update({ where: { id: viewer!.tokenId }, data: { revokedAt: new Date() } });
    expect(await viewers.resolve(user.token)).toEqual(viewer);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await viewers.resolve(user.token)).toBeNull();
  });

  it('never caches an unknown token, so a token issued later works at once', async () => {
    const viewers = new ViewerResolver(server.app.db.prisma, 60_000);
    expect(await viewers.resolve('cg_unknown_token')).toBeNull();
    expect(await viewers.resolve(undefined)).toBeNull();
    const user = await createUser(server, 'PARTNER', 'late');
    expect(await viewers.resolve(user.token)).toMatchObject({ userId: localId(user.id), role: 'PARTNER' });
  });
});
