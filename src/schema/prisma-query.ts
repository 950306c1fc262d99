/**
 * Prisma rejects an empty `select`, which Pothos passes when a client asks only for `__typename`
 * of a Prisma-backed result: select the id instead.
 */
export function nonEmpty<Query extends { select?: object }>(query: Query): Query {
  return query.select && Object.keys(query.select).length === 0 ? { ...query, select: { id: true } } : query;
}
