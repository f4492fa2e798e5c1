import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../settings';
import { migrateSettings } from '../settings-migrations';
import type { SettingsRecord, WardenDb } from './schema';

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored document was invalid and defaults were used instead. */
  repaired: boolean;
}

/** Reads the preferences; invalid stored data yields defaults and a flag, never a crash. */
export async function loadSettings(db: WardenDb): Promise<LoadedSettings> {
  return settingsFromRecord(await db.settings.get(SETTINGS_ID));
}

export const SETTINGS_ID = 'prefs';

/** The stored record as settings (pages read the record themselves, without Dexie). */
export function settingsFromRecord(row: SettingsRecord | undefined): LoadedSettings {
  if (!row) return { settings: DEFAULT_SETTINGS, repaired: false };
  const parsed = settingsSchema.safeParse(migrateSettings(row.doc));
  return parsed.success ? { settings: parsed.data, repaired: false } : { settings: DEFAULT_SETTINGS, repaired: true };
}

export async function storeSettings(db: WardenDb, settings: Settings): Promise<void> {
  await db.settings.put({ id: SETTINGS_ID, doc: settingsSchema.parse(settings) });
}
