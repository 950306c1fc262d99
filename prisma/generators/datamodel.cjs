#!/usr/bin/env node
// A Prisma generator that writes the schema's full datamodel (with database names and native types)
// to JSON, so the migration drift test can compare it with the migrated database.
const { generatorHandler } = require('@prisma/generator-helper');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

generatorHandler({
  onManifest: () => ({ prettyName: 'Datamodel snapshot', defaultOutput: '../src/generated/datamodel.json' }),
  onGenerate: async (options) => {
    const output = options.generator.output.value;
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(options.dmmf.datamodel, null, 2));
  },
});
