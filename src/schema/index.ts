import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder';
import './scalars';
import './errors';
import '../modules/identity/schema';
import '../modules/businesses/schema';
import '../modules/campaigns/schema';
import '../modules/budgets/schema';
import '../modules/analytics/schema';
import '../modules/analytics/reports-schema';
import '../modules/audiences/targeting-schema';
import '../modules/audiences/schema';
import '../modules/audiences/driver-schema';
import '../modules/jobs/schema';
import '../modules/serving/schema';
import '../modules/automation/schema';

let schema: GraphQLSchema | undefined;

/** The schema, built once per process (Pothos builders cannot be built twice). */
export function getSchema(): GraphQLSchema {
  schema ??= lexicographicSortSchema(builder.toSchema());
  return schema;
}
