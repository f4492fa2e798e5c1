import type { WebWorker } from 'puppeteer-core';

/**
 * Multiplies the connected logins to `total` grants inside the extension's own IndexedDB:
 * each clone gets its own id, a profile, and the original's tokens re-sealed under the
 * extension's vault key for the clone's id (so the poll opens them as it opens any other).
 * Real connects for the originals; cloning keeps a 10,000-grant bench under a minute. Each
 * clone covers one profile: the login's personal one when it has one.
 */
export async function cloneGrants(worker: WebWorker, total: number): Promise<number> {
  // tsx names the helpers below with __name(): give the worker a no-op one.
  await worker.evaluate('globalThis.__name = (f) => f');
  return worker.evaluate(async (target) => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(new Error(String(r.error))))));
    const db = await req(indexedDB.open('token-warden'));
    const read = db.transaction(['grants', 'secrets', 'keys', 'profiles'], 'readonly');
    const grants = (await req(read.objectStore('grants').getAll())) as { id: string; network: string }[];
    const secrets = new Map(
      (
        (await req(read.objectStore('secrets').getAll())) as { grantId: string; iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer }[]
      ).map((s) => [s.grantId, s]),
    );
    const profiles = (await req(read.objectStore('profiles').getAll())) as { grantId: string; id: string; name: string; kind: string }[];
    const key = ((await req(read.objectStore('keys').get('vault'))) as { key: CryptoKey }).key;
    const enc = new TextEncoder();
    const plains = new Map<string, ArrayBuffer>();
    for (const g of grants) {
      const s = secrets.get(g.id)!;
      plains.set(g.id, await crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv, additionalData: enc.encode(g.id) }, key, s.ciphertext));
    }
    const rows: { grant: object; secret: object; profile: object }[] = [];
    for (let i = 0; grants.length + rows.length < target; i += 1) {
      const original = grants[i % grants.length]!;
      const id = `${original.id}~${i}`;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: enc.encode(id) },
        key,
        plains.get(original.id)!,
      );
      // A login's personal profile when it has one: a clone of a company page is a page the
      // sandbox does not know, so a role check (LinkedIn) would find its role lost at every poll.
      const profile =
        profiles.find((p) => p.grantId === original.id && p.kind === 'personal') ?? profiles.find((p) => p.grantId === original.id)!;
      rows.push({
        grant: { ...original, id },
        secret: { grantId: id, iv, ciphertext },
        profile: { ...profile, id: `${profile.id}~${i}`, name: `${profile.name} ${i}`, grantId: id },
      });
    }
    const write = db.transaction(['grants', 'secrets', 'profiles'], 'readwrite');
    for (const r of rows) {
      write.objectStore('grants').put(r.grant);
      write.objectStore('secrets').put(r.secret);
      write.objectStore('profiles').put(r.profile);
    }
    await new Promise((res, rej) => ((write.oncomplete = res), (write.onerror = rej)));
    db.close();
    return grants.length + rows.length;
  }, total);
}
