import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';

/** Every error the hub answers: `{ error: <code>, message: <what to do> }`. */
export function fail(c: Context, status: ContentfulStatusCode, error: string, message: string) {
  return c.json({ error, message }, status);
}

/** Reads a JSON body with a schema: a wrong content type, malformed JSON or a bad field is a 4xx that says which. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, response: fail(c, 415, 'unsupported-media-type', 'Send the body as application/json') };
  }
  let body: unknown;
  try {
    body = await c.req.json();
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
