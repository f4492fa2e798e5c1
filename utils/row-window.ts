/** The slice of a windowed list to render, and where it sits. */
export interface RowWindow {
  first: number;
  /** One past the last row to render. */
  last: number;
  /** Height of the rows above `first` (the list's top padding). */
  top: number;
  /** Height of every row together (the list's height). */
  total: number;
}

/**
 * Rows of unequal height (an expired row takes two lines, an open one more): each row's height is
 * the measured one when known, else an estimate; the window covers the viewport plus `overscan`
 * rows on each side.
 */
export function rowWindow(
  count: number,
  heightOf: (index: number) => number,
  scrollTop: number,
  viewport: number,
  overscan = 4,
): RowWindow {
  let total = 0;
  let first = -1;
  let last = count;
  let top = 0;
  for (let i = 0; i < count; i += 1) {
    const h = heightOf(i);
    if (first === -1 && total + h > scrollTop) first = i;
    if (last === count && total >= scrollTop + viewport) last = i;
    total += h;
  }
  if (first === -1) first = Math.max(0, count - 1);
  const from = Math.max(0, first - overscan);
  const to = Math.min(count, last + overscan);
  for (let i = 0; i < from; i += 1) top += heightOf(i);
  return { first: from, last: to, top, total };
}
