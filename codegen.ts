import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = {
  DateTime: 'string',
  SafeInt: 'number',
  JSON: 'unknown',
  Currency: 'string',
  TimeZone: 'string',
  Latitude: 'number',
  Longitude: 'number',
  EmailAddress: 'string',
};

/**
 * Typed documents for the operations in test/operations, and their persisted-documents manifest
 * (`sha256:<hex>` → query): the allowlist format partners' persisted queries will use. The
 * dashboard's operations (web/operations) compile the same way into web/generated, as typed
 * strings: the browser sends the text and needs no GraphQL parser in its bundle.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'test/generated/': {
      documents: ['test/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', hashPropertyName: 'hash' },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
    },
    'web/generated/': {
      documents: ['web/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', hashPropertyName: 'hash' },
      },
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string', scalars },
    },
  },
};

export default config;
