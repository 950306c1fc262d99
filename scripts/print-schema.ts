import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaFile } from '../src/schema/print';

// Regenerates the committed schema.graphql from the code (npm run generate:schema).
writeFileSync(join(__dirname, '..', 'schema.graphql'), printSchemaFile());
