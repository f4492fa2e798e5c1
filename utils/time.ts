/** Milliseconds in common spans. Time itself is always a parameter (`now`), never read here. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
