import { z } from 'zod';
import { ValidationError } from './errors';

/** Parses input with a zod schema, turning every issue into a ValidationError with its path. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, root: string[] = ['input']): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [...root, ...issue.path.map((part) => String(part))],
      message: issue.message,
    })),
  );
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Shared input rules, so a name or a currency means the same thing everywhere. */
export const rules = {
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .refine((code) => knownCurrencies.has(code), 'is not a known ISO 4217 currency'),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return zone.length > 0;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin'),
  latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  date: z.date({ message: 'must be a date-time' }).refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date-time'),
};
