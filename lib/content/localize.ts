// Practice text that differs by language ({ en: "...", es: "..." }) resolved to plain text
// for one language, falling back to the default language for what is not translated.
import type { Lang } from "../i18n/index.ts";
import type { Problem } from "./problems.ts";
import type { Resolved } from "../model/model.ts";

export type { Resolved };


function isLocalized(value: unknown, langs: readonly Lang[]): value is Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => /^[a-z]{2,3}$/.test(k) && typeof (value as Record<string, unknown>)[k] === "string") && keys.some((k) => langs.includes(k));
}

export function resolveLocalized<T>(value: T, lang: Lang, defaultLang: Lang, langs: readonly Lang[]): Resolved<T> {
  const walk = (v: unknown): unknown => {
    if (isLocalized(v, langs)) return v[lang] ?? v[defaultLang];
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as Resolved<T>;
}

/** Per-language text must name only site languages and always include the default one. */
export function checkLocalized(value: unknown, file: string, langs: readonly Lang[], defaultLang: Lang, problems: Problem[], field = ""): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const langLike = entries.length > 0 && entries.every(([k, v]) => /^[a-z]{2}$/.test(k) && typeof v === "string");
    if (langLike) {
      for (const [k] of entries) {
        if (!langs.includes(k)) problems.push({ file, field: `${field}.${k}`, message: `"${k}" is not one of the site's languages (${langs.join(", ")})` });
      }
      if (!(defaultLang in value)) problems.push({ file, field, message: `expected a text in the default language "${defaultLang}"` });
      return;
    }
    for (const [k, v] of entries) checkLocalized(v, file, langs, defaultLang, problems, field ? `${field}.${k}` : k);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkLocalized(v, file, langs, defaultLang, problems, `${field}[${i}]`));
  }
}
