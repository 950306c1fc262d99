import { printSchema } from 'graphql';
import { getSchema } from './index';

/** schema.graphql as committed: generated from the code, checked by a test. */
export function printSchemaFile(): string {
  return `# Generated from the code by \`npm run generate:schema\`; do not edit by hand.\n\n${printSchema(getSchema())}\n`;
}
