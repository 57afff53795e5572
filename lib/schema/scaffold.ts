// `npm run new`: the text of a new content file, generated from the schema's own
// metadata, so a field added to a schema shows up in new files without touching this.
// Pure: title and today's date in, file name, address and text out.
import type { z } from "zod";
import { fieldsOf, unwrap } from "./introspect.ts";
import { alertSchema, eventSchema, pageSchema, postSchema, providerSchema } from "./content.ts";
import type { FieldMeta } from "./fields.ts";
import { quote } from "../content/problems.ts";
import { slugOf } from "../content/paths.ts";

/** What a content schema's own `.meta()` says about its files. */
export interface KindMeta {
  kind: string;
  folder: string;
  label: string;
  /** File name pattern inside the folder: {slug}, {date}. Default "{slug}.md". */
  fileName?: string;
  /** Site address pattern, e.g. "/blog/{slug}/"; absent for kinds without a page of their own. */
  url?: string;
  /** "Dr. Maya Okafor" → maya-okafor, as the demo's provider files are named. */
  slugDropsHonorific?: boolean;
  /** false for kinds whose Markdown body is not shown (alerts): their files start without one. */
  body?: boolean;
}

/**
 * Every kind `npm run new` can create. Adding a kind is adding its schema here; the
 * schema's meta gives the folder, file name and address.
 */
export const SCAFFOLD_SCHEMAS = {
  post: postSchema,
  page: pageSchema,
  provider: providerSchema,
  event: eventSchema,
  alert: alertSchema,
} as const satisfies Record<string, z.ZodType>;

/**
 * The body of a new file. Refused outside drafts (lib/content/structure.ts), like the
 * placeholder text of required fields: a file published as it was made says nothing.
 */
export const PLACEHOLDER_BODY = "Write the text here in Markdown. Start each section with ## and a heading.";

export type ScaffoldKind = keyof typeof SCAFFOLD_SCHEMAS;

export function isScaffoldKind(kind: string): kind is ScaffoldKind {
  return Object.hasOwn(SCAFFOLD_SCHEMAS, kind);
}

export interface ScaffoldInput {
  /** The headline (or a provider's name): fills the schema's first field. */
  title: string;
  /** Today in the practice's zone, YYYY-MM-DD. */
  today: string;
  /** Overrides the slug made from the title. */
  slug?: string;
}

export interface Scaffold {
  kind: string;
  slug: string;
  /** Path inside the content folder, e.g. blog/2026-10-01-flu-shots-are-here.md */
  path: string;
  /** Unprefixed site address, e.g. /blog/flu-shots-are-here/ */
  url?: string;
  text: string;
}

const MAX_SLUG = 80;

export function kindMeta(schema: z.ZodType): KindMeta {
  const meta = schema.meta() as Partial<KindMeta> | undefined;
  if (!meta?.kind || !meta.folder || !meta.label) throw new Error("scaffold: the schema's .meta() needs kind, folder and label");
  return meta as KindMeta;
}

/** A web-address slug from a title, at most 80 characters, cut at a word boundary. */
export function slugForTitle(title: string, opts: { dropHonorific?: boolean } = {}): string {
  const text = opts.dropHonorific ? title.replace(/^\s*(dr|doctor)\.?\s+/i, "") : title;
  let slug = slugOf(text);
  if (slug.length > MAX_SLUG) {
    slug = slug.slice(0, MAX_SLUG + 1);
    slug = slug.includes("-") ? slug.slice(0, slug.lastIndexOf("-")) : slug.slice(0, MAX_SLUG);
  }
  return slug;
}

function metaOf(field: z.ZodType): FieldMeta & { min?: number; max?: number } {
  return (unwrap(field).meta() ?? { label: "" }) as FieldMeta & { min?: number; max?: number };
}

/** The choices of a select, or of a list of selects. */
function optionsOf(field: z.ZodType): string[] {
  const def = (unwrap(field) as unknown as { _zod: { def: { entries?: Record<string, string>; element?: z.ZodType } } })._zod.def;
  if (def.element) return optionsOf(def.element);
  return def.entries ? Object.values(def.entries) : [];
}

function isOptional(field: z.ZodType): boolean {
  return field.safeParse(undefined).success;
}

function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(", ")}]`;
  // JSON strings are valid YAML double-quoted scalars; quoting keeps "2026-10-01" a string.
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** The value a widget naturally starts from (today, false, the first choice...), if it has one. */
function widgetDefault(field: z.ZodType, meta: FieldMeta, today: string): unknown {
  switch (meta.widget) {
    case "date":
    case "datetime":
      return today;
    case "boolean":
      return false;
    case "number":
      return (meta as { min?: number }).min ?? 0;
    case "select":
      return optionsOf(field)[0];
    case "list":
      return [];
    default:
      return undefined;
  }
}

/**
 * The text a required text field starts with: what to write there (refused outside drafts),
 * or nothing at all when the field has an example. An example is a real-looking value
 * (credentials "MD, FAAP"), and a real-looking value left in by mistake would be published
 * as a fact about someone; an empty field is refused outside drafts instead.
 */
function placeholderText(name: string, field: z.ZodType, meta: FieldMeta): string | undefined {
  if (meta.example !== undefined) return undefined;
  const label = meta.label.toLowerCase() || name;
  const candidates = [meta.hint, `Write the ${label} here.`, `Write the ${label} here: one or two sentences.`];
  const value = candidates.find((c) => typeof c === "string" && field.safeParse(c).success);
  if (value === undefined) throw new Error(`scaffold: no placeholder for the required field "${name}" passes its own schema`);
  return value;
}

/** A value for a required field that the field itself accepts, or undefined to leave it empty. */
function requiredValue(name: string, field: z.ZodType, meta: FieldMeta, today: string): unknown {
  const natural = widgetDefault(field, meta, today);
  return natural !== undefined ? natural : placeholderText(name, field, meta);
}

const placeholderCache = new WeakMap<z.ZodType, Map<string, string>>();

/** The placeholder text `npm run new` writes into each required field of a kind: field name → text. */
export function placeholders(schema: z.ZodType): Map<string, string> {
  // Asked for every file of every build: worked out once per schema.
  const cached = placeholderCache.get(schema);
  if (cached) return cached;
  const out = new Map<string, string>();
  placeholderCache.set(schema, out);
  // The first field holds the title given to npm run new: never a placeholder.
  for (const [name, field] of Object.entries(fieldsOf(schema)).slice(1)) {
    if (isOptional(field)) continue;
    const meta = metaOf(field);
    if (widgetDefault(field, meta, "") !== undefined) continue;
    const text = placeholderText(name, field, meta);
    if (text) out.set(name, text);
  }
  return out;
}

/** What the commented line of an optional field shows as its value. */
function exampleValue(field: z.ZodType, meta: FieldMeta, today: string): unknown {
  if (meta.example !== undefined) return meta.example;
  const natural = widgetDefault(field, meta, today);
  if (natural !== undefined) return natural;
  switch (meta.widget) {
    case "image":
      return "./photo.jpg";
    default:
      return "";
  }
}

/**
 * A value as it reads in a comment: no quote characters at all. A quote in a comment is
 * where YAML ends a string whose closing quote was forgotten: the lines in between (draft:
 * true among them) silently became part of the text, and the draft was published.
 */
function commentValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(commentValue).join(", ")}]`;
  return String(value);
}

function unquoted(text: string): string {
  return text.replaceAll("'", "’").replaceAll('"', "");
}

function hintOf(field: z.ZodType, meta: FieldMeta): string {
  const options = optionsOf(field);
  const choices = options.length ? ` (${meta.widget === "list" ? "any" : "one"} of ${options.join(", ")})` : "";
  return unquoted(`${meta.label}${choices}${meta.hint ? `: ${meta.hint}` : ""}`);
}

/** The new file: `draft: true` first, required fields filled or left empty, optional fields as commented hints. */
export function scaffold(schema: z.ZodType, input: ScaffoldInput): Scaffold | { error: string } {
  const kind = kindMeta(schema);
  const title = input.title.trim();
  if (!title) return { error: `give the new ${kind.kind} a title, e.g. npm run new -- ${kind.kind} "Flu shots are here"` };
  const slug = input.slug ?? slugForTitle(title, { dropHonorific: kind.slugDropsHonorific });
  if (!slug) return { error: `the title ${quote(title)} has no letters or digits to make a web address from; add --slug` };
  if (slug.length > MAX_SLUG || slugOf(slug) !== slug)
    return { error: `--slug: expected lowercase words joined by "-", at most ${MAX_SLUG} characters, got ${quote(slug)}` };

  const fields = Object.entries(fieldsOf(schema));
  const titleField = fields[0]?.[0];
  // A new file is never published by accident: draft comes first, where it cannot be
  // swallowed by an unclosed quote on a line above it. Staff remove it when ready.
  const lines: string[] = fields.some(([name]) => name === "draft") ? ["draft: true"] : [];
  const optional: [string, string, string][] = [];
  for (const [name, field] of fields) {
    const meta = metaOf(field);
    if (name === "draft") continue;
    if (name === titleField) lines.push(`${name}: ${yamlValue(title)}`);
    else if (!isOptional(field)) {
      const value = requiredValue(name, field, meta, input.today);
      if (value === undefined) lines.push(`# ${hintOf(field, meta)}, for example ${commentValue(meta.example)}`, `${name}:`);
      else lines.push(`${name}: ${yamlValue(value)}`);
    } else optional.push([name, commentValue(exampleValue(field, meta, input.today)), hintOf(field, meta)]);
  }
  if (optional.length) {
    lines.push("# Optional: to use one, delete the # at the start of its line and fill it in.");
    const width = Math.max(...optional.map(([n, v]) => n.length + v.length + 2));
    for (const [name, value, hint] of optional) lines.push(`# ${`${name}: ${value}`.padEnd(width)}  # ${hint}`);
  }
  const fill = (pattern: string) => pattern.replaceAll("{slug}", slug).replaceAll("{date}", input.today);
  const text = ["---", ...lines, "---", ...(kind.body === false ? [] : [PLACEHOLDER_BODY]), ""].join("\n");
  return {
    kind: kind.kind,
    slug,
    path: `${kind.folder}/${fill(kind.fileName ?? "{slug}.md")}`,
    url: kind.url ? fill(kind.url) : undefined,
    text,
  };
}
