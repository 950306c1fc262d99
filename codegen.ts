import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations in test/operations, and their persisted-documents manifest
 * (`sha256:<hex>` → query): the allowlist format partners' persisted queries will use.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', hashPropertyName: 'hash' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          SafeInt: 'number',
          JSON: 'unknown',
          Currency: 'string',
          TimeZone: 'string',
          Latitude: 'number',
          Longitude: 'number',
          EmailAddress: 'string',
        },
      },
    },
  },
};

export default config;
