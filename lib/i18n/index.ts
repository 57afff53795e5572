// One way to read UI strings: t(lang, key, vars). English (en.ts) is the typed reference;
// every other language is one YAML file beside it (es.yaml, vi.yaml, ...), found at start-up,
// so adding a language is adding a file. Missing keys are reported by missingKeys().
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { en, type UiKey, type UiStrings } from "./en.ts";

export type { UiKey };
export type Lang = string;

const DIR = path.dirname(fileURLToPath(import.meta.url));

function loadStrings(): Record<Lang, Partial<UiStrings>> {
  const all: Record<Lang, Partial<UiStrings>> = { en };
  for (const name of readdirSync(DIR).sort()) {
    const m = /^([a-z]{2,3})\.yaml$/.exec(name);
    if (!m) continue;
    const data = YAML.parse(readFileSync(path.join(DIR, name), "utf8"), { schema: "core" }) as Record<string, unknown> | null;
    all[m[1]!] = Object.fromEntries(Object.entries(data ?? {}).filter(([, v]) => typeof v === "string"));
  }
  return all;
}

export const STRINGS: Readonly<Record<Lang, Partial<UiStrings>>> = loadStrings();
/** Languages the site can be built in: those with a strings file. */
export const LANGS: readonly Lang[] = Object.keys(STRINGS);

/** Where a language's strings live, for messages. */
export function stringsFile(lang: Lang): string {
  return lang === "en" ? "lib/i18n/en.ts" : `lib/i18n/${lang}.yaml`;
}

export function t(lang: Lang, key: UiKey, vars?: Record<string, string | number>): string {
  const template = STRINGS[lang]?.[key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Full locale tag for dates and numbers (en-US, es-US), so times read the way families expect. */
export function localeOf(lang: Lang): string {
  return t(lang, "meta.locale");
}

/** Name of a language in itself ("English", "Español"), for the language switcher. */
export function languageName(lang: Lang): string {
  return t(lang, "meta.languageName");
}

export function missingKeys(lang: Lang): UiKey[] {
  const strings = STRINGS[lang] ?? {};
  return (Object.keys(en) as UiKey[]).filter((k) => typeof strings[k] !== "string");
}

/** Scripts written right to left, for `dir` on text in those languages. */
const RTL = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"]);
export function directionOf(lang: string): "rtl" | "ltr" {
  return RTL.has(lang.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr";
}
