/**
 * How an API function declares its own parameters: one zod object per
 * function, built from the small builders below, shared by the agent and the
 * non-agent API. The JSON face validates a body with it (unknown fields are
 * refused, the field named) and its OpenAPI document is z.toJSONSchema of it,
 * so every builder stays representable in JSON Schema: no transforms, and a
 * description on every field.
 *
 * The schemas describe the JSON face, where a caller sends typed values; the
 * legacy faces keep VICIdial's rules (input filters, then each function's own
 * checks). Conditional rules ("lead_id or vendor_lead_code") stay in the
 * functions: a field is required here only when the function refuses every
 * request without it.
 */
import { z } from 'zod';

/** A function's own parameters: a strict object, so a misspelt field is refused instead of ignored. */
export type FunctionParams = z.ZodObject<z.ZodRawShape, z.core.$strict>;

export const params = (shape: z.ZodRawShape): FunctionParams => z.object(shape).strict();

/** A function that takes nothing beyond the common parameters its pipeline adds. */
export const NO_PARAMS: FunctionParams = params({});

/** Width of a MySQL TEXT column: the longest text VICIdial could store there. */
export const TEXT_WIDTH = 65_535;

/** Text of at most `max` characters (the VICIdial column it ends up in). */
export const text = (description: string, max: number) => z.string().max(max).describe(description);

/** vicidial_list.lead_id is INT UNSIGNED. */
export const LEAD_ID_MAX = 4_294_967_295;

/** INT's upper bound: the default ceiling of an integer parameter. */
const INT_MAX = 2_147_483_647;

/**
 * A whole number: JSON callers send a number, legacy-minded ones a string of
 * digits; both are taken, within the same bounds, and refused with one message.
 */
export function integer(description: string, bounds: { min?: number; max?: number } = {}) {
  const { min = 0, max = INT_MAX } = bounds;
  const error = `a whole number from ${min} to ${max}`;
  const digits = Math.max(String(min).length, String(max).length);
  return z
    .union(
      [
        z.int({ error }).min(min, { error }).max(max, { error }),
        z
          .string()
          .regex(min < 0 ? /^-?[0-9]+$/ : /^[0-9]+$/, { error, abort: true })
          .max(digits, { error, abort: true })
          .refine((s) => Number(s) >= min && Number(s) <= max, { error }),
      ],
      { error },
    )
    .describe(description);
}

/** One of the values the spec lists, where the function refuses any other. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.enum(values).describe(description);

/**
 * A yes/no switch in VICIdial's own words (Y/N by default, YES/NO where the
 * function reads those). JSON booleans are not taken: each function has its
 * own words, and the legacy and JSON faces take the same values.
 */
export function flag(description: string): z.ZodEnum<{ Y: 'Y'; N: 'N' }>;
export function flag<const T extends readonly [string, ...string[]]>(description: string, words: T): z.ZodEnum<{ [K in T[number]]: K }>;
export function flag(description: string, words: readonly [string, ...string[]] = ['Y', 'N']) {
  return z.enum(words).describe(description);
}

/**
 * A parsed JSON body as the legacy pipeline reads it: every value a string.
 * Strings stay as they are and whole numbers become decimal text (1000 →
 * "1000"); absent fields stay absent. Call it on what the function's schema
 * accepted: those hold nothing else (no booleans, no fractions, no objects),
 * so anything else is a programming error and throws.
 */
export function legacyParams(body: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (typeof value === 'string') out[name] = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) out[name] = String(value);
    else throw new TypeError(`${name}: a parameter is a string or a whole number, not ${typeof value === 'number' ? value : typeof value}`);
  }
  return out;
}
