import { rowWindow } from '@/utils/row-window';

describe('rowWindow (the windowed list with rows of unequal height)', () => {
  // Rows 0–9 are two-line rows (60 px), the rest one line (40 px).
  const height = (i: number) => (i < 10 ? 60 : 40);

  it('places each row by the heights above it, not by a fixed height', () => {
    const w = rowWindow(1000, height, 0, 440, 0);
    expect(w).toEqual({ first: 0, last: 8, top: 0, total: 10 * 60 + 990 * 40 });
    // At 620 px: rows 0–9 take 600 px, so row 10 starts at 600 and is the first in view.
    const below = rowWindow(1000, height, 620, 440, 0);
    expect(below.first).toBe(10);
    expect(below.top).toBe(600);
    expect(below.last).toBe(22); // 600 + 12 × 40 = 1080 ≥ 620 + 440
  });

  it('adds the overscan on both sides, clamped to the list', () => {
    expect(rowWindow(1000, height, 620, 440, 4)).toMatchObject({ first: 6, last: 26, top: 360 });
    expect(rowWindow(30, height, 100_000, 440, 4)).toMatchObject({ first: 25, last: 30 });
  });
});
