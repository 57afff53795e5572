// One way to read UI strings: t(lang, key, vars). Adding a language is adding a file
// beside en.ts and listing it here; missing keys are reported by checkStrings().
import { en, type UiKey, type UiStrings } from "./en.ts";

export type { UiKey };
export const STRINGS: Readonly<Record<string, Partial<UiStrings>>> = { en };
export const LANGS = Object.keys(STRINGS);
export type Lang = string;

export function t(lang: Lang, key: UiKey, vars?: Record<string, string | number>): string {
  const template = STRINGS[lang]?.[key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Full locale tag for dates and numbers (en-US, es-US), so times read the way families expect. */
export function localeOf(lang: Lang): string {
  return t(lang, "meta.locale");
}

export function missingKeys(lang: Lang): UiKey[] {
  const strings = STRINGS[lang] ?? {};
  return (Object.keys(en) as UiKey[]).filter((k) => typeof strings[k] !== "string");
}
