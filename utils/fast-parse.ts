import type * as z from 'zod/mini';

/** What `callHub` needs of a schema: a zod schema is one, and so is `withFastPath(schema)`. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Not accepted by the fast path (an object no input holds): zod decides. */
const BAD = {};
type Check = (value: unknown) => unknown;

interface Node {
  _zod: { def: Def; values?: Set<unknown> };
  safeParse(value: unknown): { success: boolean; data?: unknown };
}
interface Def {
  type: string;
  checks?: unknown[];
  shape?: Record<string, Node>;
  element?: Node;
  innerType?: Node;
}

/** A definition with anything more than these (a format, a coercion, a catchall, a check) is zod's to run. */
const PLAIN = new Set(['type', 'checks', 'shape', 'element', 'innerType', 'entries', 'values']);

/**
 * The same verdict and the same output as `schema`, faster on the answers that pass: zod cannot
 * compile its checks in an extension (no eval under its CSP), and its field-by-field bookkeeping
 * costs ~50 ms over 10,000 rows. Built once from the schema's own definition; a part it does not
 * know (a union, a record, a format, a refinement) is checked by zod itself. Anything the fast path is not sure
 * of (a wrong type, a missing key) goes to zod for the verdict and its message: the fast path only
 * ever accepts what zod accepts, as zod would give it.
 */
export function withFastPath<T>(schema: z.ZodMiniType<T>): Parser<T> {
  const check = compile(schema);
  return {
    safeParse(value) {
      const out = check(value);
      return out === BAD ? schema.safeParse(value) : { success: true, data: out as T };
    },
  };
}

function compile(node: Node): Check {
  const def = node._zod.def;
  const inner = def.innerType && compile(def.innerType);
  if (def.checks?.length || Object.keys(def).some((k) => !PLAIN.has(k))) return byZod(node);
  switch (def.type) {
    case 'string':
    case 'boolean':
      return (v) => (typeof v === def.type ? v : BAD);
    case 'number':
      return (v) => (Number.isFinite(v) ? v : BAD);
    case 'enum':
    case 'literal': {
      // The very set zod checks against.
      const allowed = node._zod.values!;
      return (v) => (allowed.has(v) ? v : BAD);
    }
    case 'nullable':
      return (v) => (v === null ? v : inner!(v));
    case 'optional':
      return (v) => (v === undefined ? v : inner!(v));
    case 'array': {
      const element = compile(def.element!);
      return (v) => {
        const out = Array.isArray(v) ? v.map(element) : [BAD];
        return out.includes(BAD) ? BAD : out;
      };
    }
    case 'object':
      return compileObject(def.shape!);
    default:
      return byZod(node);
  }
}

function compileObject(shape: Record<string, Node>): Check {
  const fields = Object.entries(shape).map(([key, n]) => ({ key, check: compile(n), optional: n._zod.def.type === 'optional' }));
  return (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return BAD;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { key, check, optional } of fields) {
      // An absent optional key stays absent (as zod leaves it); anything else unusual is zod's to judge.
      if (input[key] === undefined) {
        if (optional && !(key in input)) continue;
        return BAD;
      }
      if ((out[key] = check(input[key])) === BAD) return BAD;
    }
    return out;
  };
}

/** A part checked by zod itself (its own output, or not accepted). */
function byZod(node: Node): Check {
  return (v) => {
    const r = node.safeParse(v);
    return r.success ? r.data : BAD;
  };
}
