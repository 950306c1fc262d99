import { z } from 'zod';
import type { ActivityKind, BusinessInteractionKind, ContactChannel, SubscriptionSource } from '../../generated/prisma/client';
import { AGE_RANGES, type AgeRange } from './targeting-rules';

export const CONTACT_CHANNELS = ['WHATSAPP', 'SMS', 'EMAIL', 'PUSH'] as const satisfies readonly ContactChannel[];
export const SUBSCRIPTION_SOURCES = ['IMPORT', 'SIGNUP_FORM', 'KEYWORD_REPLY', 'UNSUBSCRIBE_LINK', 'SUPPORT'] as const satisfies readonly SubscriptionSource[];
export const ACTIVITY_KINDS = [
  'COUPON_COLLECTED',
  'COUPON_SHARED',
  'COUPON_REDEEMED',
  'CHECK_IN',
  'REVIEW',
  'SOCIAL_INTERACTION',
] as const satisfies readonly ActivityKind[];
export const BUSINESS_INTERACTION_KINDS = ['VISIT', 'PURCHASE'] as const satisfies readonly BusinessInteractionKind[];

/**
 * What a channel needs besides a subscription before anyone can be reached on it: a message to a
 * phone needs the number, an email the address; push goes to the app.
 */
export const CHANNEL_CONTACT: Record<ContactChannel, 'phone' | 'email' | null> = {
  WHATSAPP: 'phone',
  SMS: 'phone',
  EMAIL: 'email',
  PUSH: null,
};

/** Audiences are adults: the youngest age range starts at 18. */
export const MIN_AGE = 18;
export const MAX_AGE = 120;

/** The age range an age falls in, or null below the youngest range. */
export function ageRangeOf(age: number): AgeRange | null {
  if (age < MIN_AGE) return null;
  for (const range of AGE_RANGES) {
    const [low, high] = range.replace('+', '').split('-').map(Number);
    if (age >= low! && (high === undefined || age <= high)) return range;
  }
  return null;
}

const PHONE_FORMATTING = /[\s\-.()/]/g;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number in E.164 (`+4930123456`), from an international number written with spaces,
 * dashes, dots, slashes or parentheses, and a `+` or `00` prefix. National numbers are refused:
 * without the country they cannot be told apart, and two spellings of one number must not make two
 * recipients.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(PHONE_FORMATTING, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(international) ? international : null;
}

export const phoneRule = z.string().transform((raw, context) => {
  const phone = normalizePhone(raw);
  if (phone === null) {
    context.addIssue({ code: 'custom', message: 'must be an international phone number starting with + or 00, e.g. +49 30 1234567' });
    return z.NEVER;
  }
  return phone;
});

export const emailRule = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254, 'must be at most 254 characters'));

/** The id a source system gave a record: what makes re-importing it change nothing. */
export const externalIdRule = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
