import type { z } from 'zod';

/**
 * Reading the contract's zod schemas as data, for tests that must cover every field of every
 * method without a hand-kept list: the fields (with their path), their limits, and a valid input
 * built from them, so one field at a time can be broken.
 */

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.ZodType[];
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; format?: string } } }[];
};

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A field of an input: where it is, its schema without optional/nullable around it, whether it may be left out or null. */
export interface Field {
  path: (string | number)[];
  key: string;
  schema: z.ZodType;
  optional: boolean;
  nullable: boolean;
}

/** The schema inside optional / nullable / default wrappers. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else return { schema: current, optional, nullable };
    current = def.innerType!;
  }
}

/** Every field of an object schema, nested objects and list elements (path index 0) included. */
export function fieldsOf(schema: z.ZodType, path: (string | number)[] = []): Field[] {
  const def = defOf(schema);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape!).flatMap(([key, inner]) => {
    const { schema: bare, optional, nullable } = unwrap(inner);
    const here = [...path, key];
    const field: Field = { path: here, key, schema: bare, optional, nullable };
    const bareDef = defOf(bare);
    const nested = bareDef.type === 'object' ? fieldsOf(bare, here) : bareDef.type === 'array' ? fieldsOf(unwrap(bareDef.element!).schema, [...here, 0]) : [];
    return [field, ...nested];
  });
}

/** Every object schema in an input (the input itself, nested objects, objects in lists), with its path. */
export function objectsOf(schema: z.ZodType, path: (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema);
  if (def.type !== 'object') return [];
  const nested = Object.entries(def.shape!).flatMap(([key, inner]) => {
    const bare = unwrap(inner).schema;
    const bareDef = defOf(bare);
    if (bareDef.type === 'object') return objectsOf(bare, [...path, key]);
    if (bareDef.type === 'array') return objectsOf(unwrap(bareDef.element!).schema, [...path, key, 0]);
    return [];
  });
  return [path, ...nested];
}

/** The lower and upper limit of a string's length, a list's length or a number, when the schema has one. */
export function limitsOf(schema: z.ZodType): { min: number | undefined; max: number | undefined } {
  let min: number | undefined;
  let max: number | undefined;
  for (const check of defOf(schema).checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') min = c.minimum;
    if (c.check === 'max_length') max = c.maximum;
    if (c.check === 'greater_than') min = c.value;
    if (c.check === 'less_than') max = c.value;
  }
  return { min, max };
}

/** Strings whose form a pattern fixes: a valid value by field name. */
const PATTERNED: Record<string, string> = {
  pin: '4821',
  currentPin: '4821',
  respondentCode: 'ABC123',
  confirmCode: 'ABC123',
  backupName: 'netwerkspiegel-2026-01-01T00-00-00-000Z-handmatig.sqlite',
  kind: 'network.created',
};

/**
 * A valid value for a schema; `key` picks the value of a patterned string. `full`: every optional
 * field given, no null where a value may stand, every list with at least one element, so each
 * field has a value to break.
 */
export function sampleOf(schema: z.ZodType, key = '', full = false): unknown {
  const { schema: bare, optional, nullable } = unwrap(schema);
  if (!full && optional) return undefined;
  if (!full && nullable) return null;
  const def = defOf(bare);
  const { min } = limitsOf(bare);
  switch (def.type) {
    case 'string':
      if (def.format === 'uuid') return '00000000-0000-4000-8000-000000000001';
      if (def.format === 'date') return '2026-03-01';
      return PATTERNED[key] ?? 'Tekst'.padEnd(min ?? 0, 'x');
    case 'number':
      return min ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries!)[0];
    case 'literal':
      return def.values![0];
    case 'array':
      return Array.from({ length: Math.max(min ?? 0, full ? 1 : 0) }, () => sampleOf(def.element!, key, full));
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape!)
          .map(([k, inner]) => [k, sampleOf(inner, k, full)] as const)
          .filter(([, v]) => v !== undefined),
      );
    case 'union':
      // A choice of shapes (a report's content: Word or PowerPoint): the first will do.
      return sampleOf(def.options![0]!, key, full);
    default:
      throw new Error(`no sample for a ${def.type} (field ${key})`);
  }
}

/** A copy of `input` with the value at `path` replaced, or removed for `undefined`. */
export function withValue(input: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(input)) {
    const list = [...(input as unknown[])];
    list[head as number] = withValue(list[head as number], rest, value);
    return list;
  }
  const copy = { ...(input as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete copy[head!];
  else copy[head!] = withValue(copy[head!], rest, value);
  return copy;
}
