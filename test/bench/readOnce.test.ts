import { expect, it } from 'vitest';
import { readOnce, readOnceSection } from '../../src/bench/readOnce.ts';

it("the bench's read-once experiment times every block width below m, and its blocked step computes the two passes' dw", () => {
  // readOnce throws when a blocked step's dw disagrees with the two passes'
  const r = readOnce(96, 70, 1, 1)!;
  expect(r.rows.map((x) => x.width)).toEqual([0, 16, 32, 64]);
  expect(r.rows.every((x) => x.ms > 0 && Number.isFinite(x.ms))).toBe(true);
  expect(r.bytes).toBe(96 * 70 * 8);
  const text = readOnceSection('W2', [r]);
  expect(text).toContain('m = 70, X 96 × 70');
  expect(text).toMatch(/\| blocks of 64 columns \| .* \| \d+\.\d\d× \|/);
});
