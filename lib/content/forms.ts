// Downloadable forms: parents see the file's type and size before they tap, which
// matters on a phone plan. Local files are measured; missing ones fail the build.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Practice } from "../schema/practice.ts";
import type { Problem } from "./problems.ts";

export interface FormLink {
  title: string;
  /** A site path (local file, unprefixed) or a web address. */
  href: string;
  local: boolean;
  type?: string;
  bytes?: number;
}

const TYPES: Record<string, string> = { ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".rtf": "RTF", ".txt": "Text" };

export async function resolveForms(practice: Practice, root: string, file: string, problems: Problem[]): Promise<FormLink[]> {
  return Promise.all(
    (practice.forms ?? []).map(async (form, i): Promise<FormLink> => {
      if (!form.file) return { title: form.title, href: form.url!, local: false, type: form.type };
      const s = await stat(path.join(root, form.file)).catch(() => undefined);
      if (!s?.isFile()) problems.push({ file, field: `forms[${i}].file`, message: `no such file: ${form.file.slice(1)}` });
      return { title: form.title, href: form.file, local: true, type: form.type ?? TYPES[path.extname(form.file).toLowerCase()], bytes: s?.size };
    }),
  );
}
