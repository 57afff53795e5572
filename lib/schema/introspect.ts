// Reads the shape of a schema (field names at a path) so messages can suggest the
// field a typo meant, and generators can walk the fields.
import type { z } from "zod";

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType };

export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = (s as unknown as { _zod: { def: Def } })._zod.def;
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) s = def.innerType;
    else if (def.type === "pipe" && def.in) s = def.in;
    else return s;
  }
}

export function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = (unwrap(schema) as unknown as { _zod: { def: Def } })._zod.def;
  return def.type === "object" && def.shape ? def.shape : {};
}

export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!s) return [];
    const def: Def = (unwrap(s) as unknown as { _zod: { def: Def } })._zod.def;
    s = typeof key === "number" ? def.element : def.shape?.[String(key)];
  }
  return s ? Object.keys(fieldsOf(s)) : [];
}
