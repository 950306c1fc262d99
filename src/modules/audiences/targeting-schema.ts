import { builder } from '../../schema/builder';
import { AGE_RANGES, GENDERS, INCOME_LEVELS, type TargetingRules } from './targeting-rules';

export const AgeRangeEnum = builder.enumType('AgeRange', {
  values: Object.fromEntries(AGE_RANGES.map((range) => [`AGE_${range.replace('-', '_').replace('+', '_PLUS')}`, { value: range }])),
});
export const GenderEnum = builder.enumType('Gender', { values: GENDERS });
export const IncomeLevelEnum = builder.enumType('IncomeLevel', { values: INCOME_LEVELS });

const fields = {
  ageRanges: 'Any of these age ranges.',
  genders: 'Any of these genders.',
  incomeLevels: 'Any of these income levels.',
  cities: 'Lives in any of these cities.',
  radiusKm: "Within this distance of the business's location (km).",
  interests: 'Has any of these interests.',
  minActivityScore: 'Driver activity score at least this.',
  driversOnly: 'Only Drivers (the most active people of their city).',
  excludeExistingCustomers: 'Leave out people who bought from the business.',
  excludeRecentVisitorsDays: 'Leave out people who visited the business in this many days.',
  includeFriendsOfCustomers: "Only friends of the business's customers (people who bought from it).",
} satisfies Record<keyof TargetingRules, string>;

export const TargetingRulesInput = builder.inputType('TargetingRulesInput', {
  description: 'Who to reach. Dimensions combine with AND; the values inside one dimension with OR. Leave a dimension out to not filter on it.',
  fields: (t) => ({
    ageRanges: t.field({ type: [AgeRangeEnum], required: false, description: fields.ageRanges }),
    genders: t.field({ type: [GenderEnum], required: false, description: fields.genders }),
    incomeLevels: t.field({ type: [IncomeLevelEnum], required: false, description: fields.incomeLevels }),
    cities: t.stringList({ required: false, description: fields.cities }),
    radiusKm: t.float({ required: false, description: fields.radiusKm }),
    interests: t.stringList({ required: false, description: fields.interests }),
    minActivityScore: t.float({ required: false, description: fields.minActivityScore }),
    driversOnly: t.boolean({ required: false, description: fields.driversOnly }),
    excludeExistingCustomers: t.boolean({ required: false, description: fields.excludeExistingCustomers }),
    excludeRecentVisitorsDays: t.int({ required: false, description: fields.excludeRecentVisitorsDays }),
    includeFriendsOfCustomers: t.boolean({ required: false, description: fields.includeFriendsOfCustomers }),
  }),
});

export const TargetingRulesRef = builder.objectRef<TargetingRules>('TargetingRules').implement({
  fields: (t) => ({
    ageRanges: t.field({ type: [AgeRangeEnum], nullable: true, description: fields.ageRanges, resolve: (rules) => rules.ageRanges }),
    genders: t.field({ type: [GenderEnum], nullable: true, description: fields.genders, resolve: (rules) => rules.genders }),
    incomeLevels: t.field({ type: [IncomeLevelEnum], nullable: true, description: fields.incomeLevels, resolve: (rules) => rules.incomeLevels }),
    cities: t.stringList({ nullable: true, description: fields.cities, resolve: (rules) => rules.cities }),
    radiusKm: t.float({ nullable: true, description: fields.radiusKm, resolve: (rules) => rules.radiusKm }),
    interests: t.stringList({ nullable: true, description: fields.interests, resolve: (rules) => rules.interests }),
    minActivityScore: t.float({ nullable: true, description: fields.minActivityScore, resolve: (rules) => rules.minActivityScore }),
    driversOnly: t.boolean({ nullable: true, description: fields.driversOnly, resolve: (rules) => rules.driversOnly }),
    excludeExistingCustomers: t.boolean({ nullable: true, description: fields.excludeExistingCustomers, resolve: (rules) => rules.excludeExistingCustomers }),
    excludeRecentVisitorsDays: t.int({ nullable: true, description: fields.excludeRecentVisitorsDays, resolve: (rules) => rules.excludeRecentVisitorsDays }),
    includeFriendsOfCustomers: t.boolean({
      nullable: true,
      description: fields.includeFriendsOfCustomers,
      resolve: (rules) => rules.includeFriendsOfCustomers,
    }),
  }),
});

/** GraphQL leaves omitted input fields out but sends explicit nulls; rules treat both as "not given". */
export function rulesFromInput(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
}
