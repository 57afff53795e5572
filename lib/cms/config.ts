// The web editor's configuration (Decap CMS `admin/config.yml`), generated from the same
// zod schemas that validate the content: labels, hints, widgets and required flags come
// from each field's `.meta()`, patterns from its checks. Pure: schemas and practice in,
// a config object out (`cmsConfigYaml` serialises it).
import YAML from "yaml";
import type { z } from "zod";
import { alertSchema, eventSchema, pageSchema, postSchema, providerSchema } from "../schema/content.ts";
import { practiceSchema } from "../schema/practice.ts";
import { fieldsOf, unwrap } from "../schema/introspect.ts";
import type { FieldMeta } from "../schema/fields.ts";

export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

export interface CmsBackend {
  /** `github` (OAuth through the host or a small OAuth helper), `git-gateway` (Netlify Identity), ... */
  name: string;
  repo?: string;
  branch?: string;
  /** OAuth helper for the github backend; Decap's default is Netlify's (https://api.netlify.com). */
  base_url?: string;
}

export interface CmsOptions {
  practice: { name: string; url: string; language?: string; languages?: readonly string[]; locations: readonly { key: string }[] };
  backend?: CmsBackend;
  /** Decap's local backend (`npm run cms`): true for http://localhost:8081/api/v1, or its URL. */
  localBackend?: boolean | string;
  /** Content folder relative to the repository root. */
  contentDir?: string;
}

/** Where the editor puts uploaded images: inside assets/, which the build copies and checks. */
export const MEDIA_FOLDER = "assets/uploads";
export const PUBLIC_FOLDER = "/assets/uploads";

/**
 * One Decap collection per kind of Markdown file; name, schema and the file name pattern.
 * `dated`: the field the list is sorted by, newest first, and shows before the title (staff
 * look for the latest post or event, not an alphabetical one).
 */
export const CMS_COLLECTIONS = [
  { name: "posts", schema: postSchema, folder: "blog", slug: "{{year}}-{{month}}-{{day}}-{{slug}}", dated: "date" },
  { name: "events", schema: eventSchema, folder: "events", slug: "{{start | date('YYYY-MM-DD')}}-{{slug}}", dated: "start" },
  { name: "pages", schema: pageSchema, folder: "pages", slug: "{{slug}}" },
  { name: "providers", schema: providerSchema, folder: "providers", slug: "{{slug}}" },
  { name: "alerts", schema: alertSchema, folder: "alerts", slug: "{{slug}}" },
] as const;

/** practice.yaml fields staff change most; the rest stays as it is in the file. */
export const PRACTICE_FIELDS = ["phone", "fax", "afterHours", "newPatients", "closures", "locations"] as const;

type Def = {
  type: string;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, string>;
  checks?: { _zod: { def: Record<string, unknown> } }[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

interface Ctx {
  langs: readonly string[];
  defaultLang: string;
  locations: readonly string[];
  /** Inside an i18n collection: human text is translated, everything else copied. */
  i18n: boolean;
}

function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRequired(field: z.ZodType): boolean {
  return !field.safeParse(undefined).success;
}

function metaOf(field: z.ZodType): FieldMeta & { min?: number; max?: number; localized?: boolean } {
  // Outer wrappers (e.g. `.optional().meta({label})`) refine the inner field's metadata.
  return { ...(unwrap(field).meta() ?? {}), ...(field.meta() ?? {}) } as FieldMeta & { min?: number; max?: number; localized?: boolean };
}

function checks(s: z.ZodType): Record<string, unknown>[] {
  return (defOf(s).checks ?? []).map((c) => c._zod.def);
}

/** Decap's `pattern: [regex, message]` from a string's regex, or from its length limits. */
function patternOf(s: z.ZodType, label: string): [string, string] | undefined {
  const regex = checks(s).find((c) => c.check === "string_format" && c.format === "regex")?.pattern as RegExp | undefined;
  if (regex) {
    const example = (s.meta() as FieldMeta | undefined)?.example;
    return [regex.source, `${label}: not in the expected form${typeof example === "string" ? `, e.g. ${example}` : ""}`];
  }
  const max = checks(s).find((c) => c.check === "max_length")?.maximum as number | undefined;
  const min = (checks(s).find((c) => c.check === "min_length")?.minimum as number | undefined) ?? 0;
  if (max === undefined) return undefined;
  return [`^[\\s\\S]{${min},${max}}$`, min > 1 ? `${label}: between ${min} and ${max} characters` : `${label}: at most ${max} characters`];
}

/** True when the field takes only a date (YYYY-MM-DD), not a date-time. */
function dateOnly(s: z.ZodType, meta: FieldMeta): boolean {
  return meta.widget === "date" || (s.safeParse("2026-01-05").success && !s.safeParse("2026-01-05T10:00").success);
}

const TEXT_WIDGETS = new Set(["string", "text", "markdown"]);

/** One schema field as a Decap field. */
export function decapField(name: string, field: z.ZodType, ctx: Ctx): DecapField {
  const meta = metaOf(field);
  const label = meta.label || humanize(name);
  const inner = unwrap(field);
  const def = defOf(inner);
  const base: Record<string, unknown> & { name: string; label: string } = { name, label, required: isRequired(field) };
  if (meta.hint) base.hint = meta.hint;

  let out: DecapField;
  if (meta.localized && def.type === "union" && def.options?.[0]) {
    // practice.yaml text that may differ by language: one box per site language.
    const text = def.options[0];
    out = {
      ...base,
      widget: "object",
      collapsed: false,
      hint:
        meta.hint ??
        `One text per language; ${ctx.langs.filter((l) => l !== ctx.defaultLang).join(", ") || "other languages"} may be left empty.`,
      fields: ctx.langs.map((lang) => ({
        ...decapField(lang, text, { ...ctx, i18n: false }),
        label: `${label} (${lang})`,
        required: lang === ctx.defaultLang,
      })),
    };
  } else if (def.type === "object") {
    out = { ...base, widget: "object", fields: Object.entries(fieldsOf(inner)).map(([n, f]) => decapField(n, f, { ...ctx, i18n: false })) };
  } else if (def.type === "array" && def.element) {
    const element = unwrap(def.element);
    const edef = defOf(element);
    const max = checks(inner).find((c) => c.check === "max_length")?.maximum;
    const min = checks(inner).find((c) => c.check === "min_length")?.minimum;
    const limits = { ...(max !== undefined && { max }), ...(min !== undefined && { min }) };
    if (edef.type === "enum") {
      out = { ...base, widget: "select", multiple: true, options: Object.values(edef.entries ?? {}), ...limits };
    } else if (edef.type === "object") {
      out = {
        ...base,
        widget: "list",
        ...limits,
        fields: Object.entries(fieldsOf(element)).map(([n, f]) => decapField(n, f, { ...ctx, i18n: false })),
      };
    } else {
      const item = decapField(name.replace(/s$/, "") || "item", element, { ...ctx, i18n: false });
      out = { ...base, widget: "list", ...limits, field: { ...item, required: true } };
    }
  } else if (def.type === "enum") {
    out = { ...base, widget: "select", options: Object.values(def.entries ?? {}) };
  } else if (def.type === "boolean") {
    out = { ...base, widget: "boolean" };
  } else if (def.type === "number") {
    const min = checks(inner).find((c) => c.check === "greater_than")?.value;
    const max = checks(inner).find((c) => c.check === "less_than")?.value;
    out = { ...base, widget: "number", value_type: "int", ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  } else if (meta.widget === "date" || meta.widget === "datetime") {
    // Stored as the author would type it, in the practice's zone: no UTC conversion, no offset.
    out = dateOnly(inner, meta)
      ? { ...base, widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false, picker_utc: false }
      : { ...base, widget: "datetime", format: "YYYY-MM-DDTHH:mm", date_format: "YYYY-MM-DD", time_format: "HH:mm", picker_utc: false };
  } else if (meta.widget === "ref" && meta.ref === "provider") {
    out = {
      ...base,
      widget: "relation",
      collection: "providers",
      value_field: "{{slug}}",
      search_fields: ["name"],
      display_fields: ["name"],
    };
  } else if (meta.widget === "ref" && meta.ref === "location" && ctx.locations.length) {
    out = { ...base, widget: "select", options: [...ctx.locations] };
  } else if (meta.widget === "image") {
    out = { ...base, widget: "image", choose_url: false };
  } else {
    const widget = meta.widget === "text" ? "text" : "string";
    const pattern =
      meta.widget === "url"
        ? (["^https?://[^\\s/]+\\.[^\\s]+$", `${label}: a web address starting with https://`] as const)
        : patternOf(inner, label);
    out = { ...base, widget, ...(pattern && { pattern: [...pattern] }) };
  }
  if (ctx.i18n) out.i18n = TEXT_WIDGETS.has(out.widget) || (out.widget === "list" && !out.fields) ? true : "duplicate";
  return out;
}

function fieldsFor(schema: z.ZodType, ctx: Ctx): DecapField[] {
  return Object.entries(fieldsOf(schema)).map(([name, field]) => decapField(name, field, ctx));
}

export function cmsConfig(opts: CmsOptions): Record<string, unknown> {
  const { practice } = opts;
  const contentDir = (opts.contentDir ?? "content").replace(/\/+$/, "");
  const defaultLang = practice.language ?? "en";
  const langs = [defaultLang, ...(practice.languages ?? []).filter((l) => l !== defaultLang)];
  const ctx: Ctx = { langs, defaultLang, locations: practice.locations.map((l) => l.key), i18n: langs.length > 1 };
  const collections: Record<string, unknown>[] = CMS_COLLECTIONS.map((c) => {
    const meta = c.schema.meta() as { label: string };
    const fields = fieldsFor(c.schema, ctx);
    // Raw Markdown only. Decap opens its rich-text view whenever it is allowed (unless this browser
    // last chose raw), and that view escapes what staff type: "## What to bring" is saved as
    // "\## What to bring", "- item" as "\- item"; it also rewrites video and attribute lines.
    const body: DecapField = {
      name: "body",
      label: "Text",
      widget: "markdown",
      required: c.name !== "alerts",
      hint: 'Markdown. Start each section with a "## " heading.',
      modes: ["raw"],
    };
    if (ctx.i18n) body.i18n = true;
    const dated = "dated" in c ? c.dated : undefined;
    const datedLabel = dated && fields.find((f) => f.name === dated)?.label;
    return {
      name: c.name,
      label: meta.label,
      folder: `${contentDir}/${c.folder}`,
      create: true,
      extension: "md",
      format: "frontmatter",
      slug: c.slug,
      identifier_field: fields[0]!.name,
      // The stored date as written (no time-zone conversion), then the title.
      ...(dated && {
        summary: `{{${dated}}} · {{${fields[0]!.name}}}`,
        sortable_fields: [{ field: dated, label: datedLabel, default_sort: "desc" }, fields[0]!.name],
      }),
      ...(ctx.i18n && { i18n: true }),
      fields: [...fields, body],
    };
  });
  const practiceFields = fieldsOf(practiceSchema);
  collections.push({
    name: "practice",
    label: "Practice details",
    files: [
      {
        name: "practice",
        label: `${practice.name}: phone numbers, hours, closures, new patients`,
        file: `${contentDir}/_data/practice.yaml`,
        format: "yaml",
        fields: PRACTICE_FIELDS.map((name) => decapField(name, practiceFields[name]!, { ...ctx, i18n: false })),
      },
    ],
  });
  return {
    backend: { branch: "main", ...(opts.backend ?? { name: "git-gateway" }) },
    ...(opts.localBackend && { local_backend: opts.localBackend === true ? true : { url: opts.localBackend } }),
    site_url: practice.url,
    display_url: practice.url,
    locale: "en",
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    ...(ctx.i18n && { i18n: { structure: "multiple_files", locales: langs, default_locale: defaultLang } }),
    collections,
  };
}

export function cmsConfigYaml(opts: CmsOptions): string {
  return (
    "# Generated by `npm run build` from lib/schema (lib/cms/config.ts). Do not edit: change the schemas.\n" +
    YAML.stringify(cmsConfig(opts), { lineWidth: 0 })
  );
}
