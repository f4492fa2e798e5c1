import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HubConfig } from '../config';
import { newPool, openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';

/**
 * The database for a command: DATABASE_URL, or the embedded one a running hub serves (its URL
 * file in the data folder), or else the embedded one started for this command alone.
 */
export async function openForCommand(config: HubConfig): Promise<Database> {
  if (!config.databaseUrl) {
    const url = await readFile(join(config.dataDir, 'db-url'), 'utf8').catch(() => '');
    if (url) {
      const pool = newPool(url, 2);
      try {
        await migrate(pool);
        return { pool, url, close: () => pool.end() };
      } catch {
        await pool.end();
      }
    }
  }
  return openDatabase(config.databaseUrl, config.dataDir, 2);
}
