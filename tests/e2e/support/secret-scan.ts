/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}

/**
 * Quoted strings that look like a secret: long base64/base64url-like ones of high entropy, and
 * long hex ones (a Meta app secret is 32 hex digits: at most 4 bits a character, so an entropy
 * threshold made for base64 never sees it).
 */
export function suspiciousStrings(text: string, allowed: RegExp[] = []): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/["'`]([A-Za-z0-9+/_=-]{32,})["'`]/g)) {
    const s = m[1]!;
    const hex = /^[0-9a-fA-F]+$/.test(s);
    const looksRandom = hex ? entropy(s) > 3 : entropy(s) > 4.5;
    if (looksRandom && !allowed.some((a) => a.test(s))) found.push(s);
  }
  return found;
}
