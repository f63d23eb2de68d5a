import { describe, expect, it } from 'vitest';
import { functionChoices, KNOWN_FUNCTIONS } from './catalog.js';
import { FUNCTION_PURPOSES, PRESETS, PURPOSES } from './function-purposes.js';

describe("the console's catalog of functions", () => {
  it('gives every function of both APIs a purpose and a summary, and nothing else', () => {
    const missing = functionChoices().filter((c) => !FUNCTION_PURPOSES[c.name]).map((c) => c.name);
    expect(missing).toEqual([]);
    expect(Object.keys(FUNCTION_PURPOSES).filter((name) => !KNOWN_FUNCTIONS.has(name))).toEqual([]);
    const groups = new Set(PURPOSES.map((p) => p.id));
    for (const c of functionChoices()) {
      expect(groups.has(c.purpose), c.name).toBe(true);
      expect(c.summary.length, c.name).toBeGreaterThan(5);
    }
  });

  it('offers presets made only of known functions, each for an API Only integration', () => {
    for (const preset of PRESETS) {
      expect(preset.functions.filter((f) => !KNOWN_FUNCTIONS.has(f)), preset.id).toEqual([]);
      expect(preset.settings).toMatchObject({ vdc_agent_api_access: '1', api_only_user: '1' });
    }
    expect(PRESETS.find((p) => p.id === 'buttons')?.functions).toEqual(['external_pause', 'external_status']);
  });
});
