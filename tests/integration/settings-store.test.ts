import { WardenDb } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings-store';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('stored preferences', () => {
  it('invalid stored data is repaired to the defaults with a flag (shown as a notice), never a crash', async () => {
    const db = new WardenDb('settings-repair');
    for (const doc of [
      null,
      'text',
      { version: 2, polling: { intervalMinutes: -5 } },
      { version: 99 },
      { version: 2, networks: { myspace: {} } },
    ]) {
      await db.settings.put({ id: 'prefs', doc: doc as never });
      expect(await loadSettings(db)).toEqual({ settings: DEFAULT_SETTINGS, repaired: true });
    }
    await db.settings.delete('prefs');
    expect(await loadSettings(db)).toEqual({ settings: DEFAULT_SETTINGS, repaired: false });
    await db.delete();
  });
});
