/**
 * Numbered migrations of the preferences document: each takes version N to
 * N + 1. Stored documents and imported files both pass through them before
 * validation, so an older export still imports.
 */
type Doc = Record<string, unknown>;

const MIGRATIONS: Record<number, (doc: Doc) => Doc> = {
  // v1 → v2: reminders and channels arrive with their defaults (filled in by the schema).
  1: (doc) => ({ ...doc, version: 2 }),
};

export function migrateSettings(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let doc = input as Doc;
  while (typeof doc.version === 'number' && MIGRATIONS[doc.version]) doc = MIGRATIONS[doc.version]!(doc);
  return doc;
}
