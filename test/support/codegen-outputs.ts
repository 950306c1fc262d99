// Prints, as JSON, what `npm run generate:codegen` would write, without writing it. Run as its own
// process by test/platform/schema-file.test.ts: the codegen CLI requires ESM-only packages (yargs)
// that jest's CommonJS runtime cannot load, while Node itself can.
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen';

interface Output {
  filename: string;
  content: string;
}

async function main(): Promise<void> {
  // generate() is typed loosely because watch mode returns nothing; without watch it is the outputs.
  const outputs = (await generate({ ...config, cwd: process.cwd(), silent: true }, false)) as Output[];
  process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content }))));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
