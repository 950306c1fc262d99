import { builder } from './builder';

export interface Money {
  amountCents: number;
  currency: string;
}

export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'An amount in minor units (cents) of an ISO 4217 currency; never a float.',
  fields: (t) => ({
    amountCents: t.expose('amountCents', { type: 'SafeInt' }),
    currency: t.expose('currency', { type: 'Currency' }),
  }),
});

export function money(amountCents: bigint | number, currency: string): Money {
  return { amountCents: Number(amountCents), currency };
}
