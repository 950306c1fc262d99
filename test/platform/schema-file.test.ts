import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { printSchemaFile } from '../../src/schema/print';

const ROOT = join(__dirname, '..', '..');
const STALE = 'is stale: run `npm run generate` and commit the result';

describe('generated files', () => {
  it('schema.graphql is the schema the code builds', async () => {
    const committed = (await readFile(join(ROOT, 'schema.graphql'), 'utf8')).split('\n');
    const built = printSchemaFile().split('\n');
    const line = built.findIndex((text, i) => text !== committed[i]);
    if (line !== -1 || built.length !== committed.length) {
      const at = line === -1 ? Math.min(built.length, committed.length) : line;
      throw new Error(
        `schema.graphql ${STALE}; first difference at line ${at + 1}:\n  committed: ${committed[at] ?? '(end of file)'}\n  built:     ${built[at] ?? '(end of file)'}`,
      );
    }
  });

  it('the typed documents and persisted-documents manifests under test/generated and web/generated are current', async () => {
    // The codegen runs in a process of its own (see test/support/codegen-outputs.ts for why).
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join('test', 'support', 'codegen-outputs.ts')], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 30_000,
    });
    const outputs = JSON.parse(stdout) as { filename: string; content: string }[];
    const stale: string[] = [];
    // A file codegen no longer writes is stale too.
    const written = new Set(outputs.map((output) => output.filename));
    for (const dir of ['test/generated', 'web/generated']) {
      for (const name of await readdir(join(ROOT, dir))) {
        if (!written.has(`${dir}/${name}`)) stale.push(`${dir}/${name}`);
      }
    }
    expect(written).toContain('test/generated/persisted-documents.json');
    expect(written).toContain('web/generated/graphql.ts');
    for (const { filename, content } of outputs) {
      const committed = await readFile(join(ROOT, filename), 'utf8').catch(() => undefined);
      if (committed !== content) stale.push(filename);
    }
    if (stale.length > 0) throw new Error(`${stale.join(', ')} ${STALE}`);
  });
});
