// Adding or dropping a site language in one command. practice.yaml keeps its comments and
// layout (edited as a YAML document, not rewritten); a dropped language's files are moved
// aside to content/_unused/<lang>/, never deleted, so no translation is lost.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import { LANGS } from "../i18n/index.ts";

/** Every map whose keys are all site languages ({ en: ..., es: ... }) loses `lang`. */
function dropLocalized(node: unknown, lang: string): void {
  YAML.visit(node as YAML.Document, {
    Map(_key, map) {
      const keys = map.items.map((p) => String((p.key as YAML.Scalar | undefined)?.value ?? p.key));
      if (keys.length && keys.every((k) => LANGS.includes(k)) && keys.includes(lang)) map.delete(lang);
    },
  });
}

export async function setLanguages(project: string, change: { add?: string; drop?: string }): Promise<string[]> {
  const file = path.join(project, "content/_data/practice.yaml");
  const doc = YAML.parseDocument(await readFile(file, "utf8"));
  const language = doc.get("language");
  const defaultLang = typeof language === "string" ? language : "en";
  const current = ((doc.get("languages") as YAML.YAMLSeq | undefined)?.toJSON() as string[] | undefined) ?? [defaultLang];
  const notes: string[] = [];
  let next = [...current];
  if (change.add) {
    if (!LANGS.includes(change.add)) throw new Error(`"${change.add}" is not a language the site has words for (${LANGS.join(", ")})`);
    if (!next.includes(change.add)) next.push(change.add);
  }
  if (change.drop) {
    if (change.drop === defaultLang)
      throw new Error(`"${change.drop}" is the default language (language: in practice.yaml); choose another default first`);
    next = next.filter((l) => l !== change.drop);
    dropLocalized(doc, change.drop);
    const suffix = `.${change.drop}.md`;
    const content = path.join(project, "content");
    // A comment says its language in its front matter (lang: es) rather than in its name.
    const commentIn = new RegExp(`^lang:\\s*["']?${change.drop}["']?\\s*$`, "m");
    for (const rel of existsSync(content) ? (readdirSync(content, { recursive: true }) as string[]) : []) {
      if (rel.startsWith("_unused") || !rel.endsWith(".md")) continue;
      const isComment =
        rel.startsWith(`comments${path.sep}`) &&
        commentIn.test((await readFile(path.join(content, rel), "utf8")).split(/^---\s*$/m)[1] ?? "");
      if (!rel.endsWith(suffix) && !isComment) continue;
      const to = path.join(content, "_unused", change.drop, rel);
      await mkdir(path.dirname(to), { recursive: true });
      await rename(path.join(content, rel), to);
      notes.push(`moved content/${rel.split(path.sep).join("/")} to content/_unused/${change.drop}/`);
    }
  }
  if (next.length > 1) doc.set("languages", doc.createNode(next, { flow: true }));
  else doc.delete("languages");
  await writeFile(file, doc.toString({ lineWidth: 0 }));
  return notes;
}
