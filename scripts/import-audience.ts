import { readFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../src/config';
import { ValidationError } from '../src/errors';
import { Access } from '../src/modules/access/policy';
import { CSV_KINDS, importCsv, type CsvKind } from '../src/modules/audiences/csv';
import { AudienceImportService } from '../src/modules/audiences/import';
import { openDatabase } from '../src/platform/db';
import { migrate } from '../src/platform/migrate';

const USAGE = `usage: npm run import:audience -- <${CSV_KINDS.join('|')}> <file.csv> [<kind> <file.csv> ...]

Imports CSV files into the database of DATABASE_URL (or the embedded one in DATA_DIR, while the
server is stopped) with the same validation as the importAudience mutation. Import profiles before
the files that refer to them. Importing a file again changes nothing.`;

function parseArguments(args: string[]): Array<{ kind: CsvKind; file: string }> {
  if (args.length === 0 || args.length % 2 !== 0) throw new ConfigError(USAGE);
  const pairs: Array<{ kind: CsvKind; file: string }> = [];
  for (let i = 0; i < args.length; i += 2) {
    const kind = args[i]!;
    if (!CSV_KINDS.includes(kind as CsvKind)) throw new ConfigError(`unknown kind ${kind}\n\n${USAGE}`);
    pairs.push({ kind: kind as CsvKind, file: args[i + 1]! });
  }
  return pairs;
}

async function main(): Promise<void> {
  const files = parseArguments(process.argv.slice(2));
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    // The import is an admin's action, done by the system actor on behalf of whoever runs the script.
    const access = Access.system('audience CSV import script', db.prisma);
    const service = new AudienceImportService(db.prisma);
    for (const { kind, file } of files) {
      const text = await readFile(file, 'utf8');
      const total = await importCsv(service, access, kind, text, (counts, lines) =>
        process.stdout.write(`${file} lines ${lines.from}–${lines.to}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged\n`),
      );
      process.stdout.write(`${file}: ${total.received} ${kind} read, ${total.created} created, ${total.updated} updated, ${total.unchanged} unchanged\n`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ValidationError) {
    process.stderr.write(
      `import stopped; nothing of the failing batch was written:\n${error.issues.map((issue) => `  ${issue.path.join(', ')}: ${issue.message}`).join('\n')}\n`,
    );
  } else if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
