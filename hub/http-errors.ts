import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';

/** Every error the hub answers: `{ error: <code>, message: <what to do> }`. */
export function fail(c: Context, status: ContentfulStatusCode, error: string, message: string) {
  return c.json({ error, message }, status);
}

/** The largest request body the API reads. */
const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (c: Context) => fail(c, 413, 'body-too-large', 'The body is over 64 KB');

/**
 * A body declared over MAX_BODY_BYTES is refused before anything runs; one sent without a length
 * (chunked) is cut off as it is read (readJson). Only the header is looked at: Hono's bodyLimit()
 * turns every request, GETs included, into a full Request with a body stream to look at it.
 */
export function bodyWithinLimit(): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && !(Number(declared) <= MAX_BODY_BYTES)) return tooLarge(c);
    await next();
  };
}

/** The body as text; null past MAX_BODY_BYTES. A declared length (checked by bodyWithinLimit) is read straight from the socket. */
async function bodyText(c: Context): Promise<string | null> {
  if (c.req.header('content-length') !== undefined) return c.req.text();
  const reader = c.req.raw.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body with a schema: a wrong content type, malformed JSON or a bad field is a 4xx that says which. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, response: fail(c, 415, 'unsupported-media-type', 'Send the body as application/json') };
  }
  const text = await bodyText(c);
  if (text === null) return { ok: false, response: tooLarge(c) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: fail(c, 400, 'malformed-json', 'The body is not valid JSON') };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    return { ok: false, response: fail(c, 400, 'invalid-field', `${field}: ${issue.message}`) };
  }
  return { ok: true, value: parsed.data };
}
