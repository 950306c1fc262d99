// graphql-ws publishes its ws adapter only through package "exports", which the CommonJS
// resolution used here (for jest and the compiled build) does not read for types.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
