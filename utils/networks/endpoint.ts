/**
 * ARCHITECTURE §5 override: with a base URL B, `https://HOST/PATH?QUERY`
 * is requested as `B/HOST/PATH?QUERY`. An empty base keeps production.
 */
export function rewriteUrl(productionUrl: string, baseUrl: string): string {
  if (!baseUrl) return productionUrl;
  const url = new URL(productionUrl);
  return `${baseUrl.replace(/\/+$/, '')}/${url.host}${url.pathname}${url.search}`;
}

/** Origin patterns a base URL needs, or null when production hosts apply. */
export function baseUrlOrigin(baseUrl: string): string | null {
  if (!baseUrl) return null;
  return `${new URL(baseUrl).origin}/*`;
}
