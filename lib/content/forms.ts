// Downloadable forms: parents see the file's type and size before they tap, which
// matters on a phone plan. Local files are measured once; missing ones fail the build.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Practice } from "../schema/practice.ts";
import type { Problem } from "./problems.ts";
import type { FormLink, Resolved } from "../model/model.ts";
import { insideSitePath, type SiteFolders } from "./inside.ts";

export type { FormLink };

const TYPES: Record<string, string> = { ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".rtf": "RTF", ".txt": "Text" };

/** Sizes of the forms kept in the site, by their /assets/ path. */
export async function measureForms(practice: Practice, folders: SiteFolders, file: string, problems: Problem[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  await Promise.all(
    (practice.forms ?? []).map(async (form, i) => {
      if (!form.file) return;
      const found = insideSitePath(form.file, folders);
      if (!found.ok && found.why === "outside") {
        problems.push({ file, field: `forms[${i}].file`, message: `form "${form.file}" is outside the site's folders; keep forms under /assets/forms/` });
        return;
      }
      const s = await stat(found.abs).catch(() => undefined);
      if (s?.isFile()) sizes.set(form.file, s.size);
      else problems.push({ file, field: `forms[${i}].file`, message: `no such file: ${form.file.slice(1)}` });
    }),
  );
  return sizes;
}

export function formLinks(practice: Resolved<Practice>, sizes: ReadonlyMap<string, number>): FormLink[] {
  return (practice.forms ?? []).map((form) =>
    form.file
      ? { title: form.title, href: form.file, local: true, type: form.type ?? TYPES[path.extname(form.file).toLowerCase()], bytes: sizes.get(form.file) }
      : { title: form.title, href: form.url!, local: false, type: form.type },
  );
}
