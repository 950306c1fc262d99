import { type DomainError, ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from '../errors';
import { builder } from './builder';

/** Every typed failure implements Error, so a client can always ask `... on Error { message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'A stable machine-readable code, e.g. NOT_FOUND.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    id: t.exposeString('id', { description: 'The id the caller sent (a global id for Node types).' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
});

const ValidationIssueRef = builder.objectRef<ValidationIssue>('ValidationIssue').implement({
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Where the problem is, from the argument name down.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (error) => error.issues }),
  }),
});

/** The failures every mutation can return; add domain-specific ones per field. */
export const standardErrors = [NotFoundError, ForbiddenError, ValidationError];
