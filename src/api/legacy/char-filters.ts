/**
 * VICIdial's character whitelists as small composable filters. PHP's scripts
 * delete every character outside a class before anything else reads a
 * parameter; both legacy endpoints build their filter tables from these.
 * This is compatibility normalisation, not security: every value still
 * reaches SQL as a bound parameter.
 */

export type Filter = (value: string) => string;

export const plusToSpace: Filter = (v) => v.replaceAll('+', ' ');

/** Deletes everything outside the class; `L` stands for letters (Unicode letters in non-Latin mode). */
export function keeper(cls: string, nonLatin: boolean): Filter {
  const letters = nonLatin ? '\\p{L}' : 'A-Za-z';
  const re = new RegExp(`[^${cls.replaceAll('L', letters)}]`, 'gu');
  return (v) => v.replace(re, '');
}

/** A class that stays ASCII whatever the language setting (digits, upper case…). */
export function ascii(cls: string): Filter {
  const re = new RegExp(`[^${cls}]`, 'g');
  return (v) => v.replace(re, '');
}

// Not named `then`: a module exporting `then` is a thenable, and `await import()` of it never settles.
export const chain =
  (...steps: Filter[]): Filter =>
  (v) =>
    steps.reduce((acc, step) => step(acc), v);
