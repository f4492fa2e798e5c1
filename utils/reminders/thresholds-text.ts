import type { Threshold } from './planner';

/** "7, 3, 1" ⇄ [7, 3, 1] for the options page; at expiry (0) is its own checkbox. */
export function formatDays(thresholds: Threshold[]): string {
  return thresholds
    .filter((t) => t > 0)
    .sort((a, b) => b - a)
    .join(', ');
}

export function parseDays(text: string, atExpiry: boolean): { ok: true; value: Threshold[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365))
    return { ok: false, message: 'Use whole numbers of days from 1 to 365, separated by commas.' };
  const value = [...new Set(days)].sort((a, b) => b - a);
  if (atExpiry) value.push(0);
  if (value.length === 0) return { ok: false, message: 'Choose at least one reminder, or mute the profile instead.' };
  if (value.length > 10) return { ok: false, message: 'At most 10 reminders.' };
  return { ok: true, value };
}
