import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, UNCATALOGUED, catalogueEntry, legacyPattern } from './error-catalogue.js';
import { renderErrorsDoc } from './errors-doc.js';

const API_DIR = join(import.meta.dirname);
const DOC = join(import.meta.dirname, '../../docs/errors.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every ERROR reason written as a literal in src/api, with `${…}` parts as a
 * sample word, and the reasons a function hands its own `fail('…')` helper
 * (whose template, `update_user ${reason}`, is no reason itself).
 */
function writtenReasons(): { reason: string; file: string }[] {
  const patterns: [RegExp, string][] = [
    [/\berror\((['`])(.*?)\1/g, ''],
    [/\bt1\('ERROR', (['`])(.*?)\1/g, ''],
    [/\bcustomLine\('ERROR', (['`])(.*?)\1/g, ''],
    [/\bt4\('ERROR', (['`])(.*?)\1/g, ''],
    [/(?<![.\w])fail\((['`])(.*?)\1/g, ''],
  ];
  return sourceFiles(API_DIR).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return patterns.flatMap(([re, prefix]) =>
      [...text.matchAll(re)].map((m) => ({ reason: prefix + m[2]!.replace(/\$\{[^}]*\}/g, 'sample'), file })),
    );
  }).filter((r) => !/^(\w+ )?sample$/.test(r.reason));
}

describe('the error catalogue', () => {
  it('has an entry for every ERROR reason the two APIs write', () => {
    const reasons = writtenReasons();
    expect(reasons.length).toBeGreaterThan(120);
    const missing = reasons.filter((r) => catalogueEntry(r.reason) === UNCATALOGUED).map((r) => `${r.reason} (${r.file})`);
    expect(missing).toEqual([]);
  });

  it('covers the reasons built at run time', () => {
    for (const reason of ['too many requests for this API key', 'too many failed logins from this address', "Error 418 I'm a teapot"])
      expect(catalogueEntry(reason)).not.toBe(UNCATALOGUED);
  });

  it('reads the specific before the general', () => {
    expect(catalogueEntry('function not valid').code).toBe('unknown-function');
    expect(catalogueEntry('audio_playback not valid').code).toBe('invalid-parameter');
    expect(catalogueEntry('auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION').code).toBe('function-not-allowed');
    expect(catalogueEntry('add_list USER DOES NOT HAVE PERMISSION TO ADD LISTS').code).toBe('permission-denied');
    expect(catalogueEntry('user_group DOES NOT EXIST').code).toBe('user-group-missing');
    expect(catalogueEntry('update_user USER DOES NOT EXIST').code).toBe('not-found');
    expect(catalogueEntry('update_list CAMPAIGN DOES NOT EXIST, THIS IS AN OPTIONAL FIELD').code).toBe('invalid-parameter');
    expect(catalogueEntry('something nobody wrote').code).toBe('refused');
  });

  it('gives each code one entry and each pattern one meaning', () => {
    const codes = ERROR_CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of ERROR_CATALOGUE)
      for (const pattern of entry.legacy) expect(catalogueEntry(pattern.replace(/<[^>]*>/g, 'sample')), pattern).toBe(entry);
  });

  it('treats a pattern as literal text but for its <…> parts', () => {
    expect(legacyPattern('a.b <x> (c)').test('a.b anything (c)')).toBe(true);
    expect(legacyPattern('a.b <x> (c)').test('aXb anything (c)')).toBe(false);
  });

  it('is what docs/errors.md says (npm run docs:errors renders it)', () => {
    const rendered = renderErrorsDoc();
    if (process.env.UPDATE_ERRORS_DOC) writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8'), 'docs/errors.md is out of date: run npm run docs:errors').toBe(rendered);
  });
});
