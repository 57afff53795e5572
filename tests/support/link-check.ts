// Every internal link, anchor, image, stylesheet, script and feed in a built site must
// resolve to a file (and an element id) inside it. External links are listed, not fetched.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

export interface BrokenLink {
  page: string;
  ref: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  checked: number;
  broken: BrokenLink[];
  external: string[];
}

const REF_ATTRS: [string, string][] = [
  ["a", "href"],
  ["link", "href"],
  ["img", "src"],
  ["script", "src"],
  ["iframe", "src"],
  ["video", "src"],
  ["video", "poster"],
  ["source", "src"],
  ["track", "src"],
  ["form", "action"],
];

function refsOf(doc: HTMLElement): string[] {
  const refs: string[] = [];
  for (const [tag, attr] of REF_ATTRS) for (const el of doc.querySelectorAll(`${tag}[${attr}]`)) refs.push(el.getAttribute(attr)!);
  for (const el of doc.querySelectorAll("img[srcset], source[srcset]")) {
    for (const part of el.getAttribute("srcset")!.split(",")) refs.push(part.trim().split(/\s+/)[0]!);
  }
  return refs;
}

/** Site path of a built file: "blog/x/index.html" → "/blog/x/". */
function pageUrl(file: string): string {
  return "/" + file.replace(/index\.html$/, "");
}

export async function checkLinks(outDir: string, opts: { prefix?: string } = {}): Promise<LinkReport> {
  const prefix = opts.prefix ?? "";
  const files = (await readdir(outDir, { recursive: true })).map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith(".html"));
  const ids = new Map<string, Set<string>>();
  const docs = new Map<string, HTMLElement>();
  for (const file of files) {
    const doc = parse(await readFile(path.join(outDir, file), "utf8"));
    docs.set(file, doc);
    ids.set(file, new Set(doc.querySelectorAll("[id]").map((el) => el.getAttribute("id")!)));
  }
  const report: LinkReport = { pages: files.length, checked: 0, broken: [], external: [] };
  const external = new Set<string>();
  for (const [file, doc] of docs) {
    const base = new URL(prefix + pageUrl(file), "http://site.invalid");
    for (const ref of refsOf(doc)) {
      if (/^(https?:)?\/\//i.test(ref) && !ref.startsWith("http://site.invalid")) {
        external.add(ref);
        continue;
      }
      if (/^(mailto|tel|data):/i.test(ref)) continue;
      report.checked++;
      const url = new URL(ref, base);
      let p = decodeURIComponent(url.pathname);
      if (prefix) {
        if (!p.startsWith(prefix + "/")) {
          report.broken.push({ page: file, ref, reason: `outside the path prefix ${prefix}` });
          continue;
        }
        p = p.slice(prefix.length);
      }
      let target = p.endsWith("/") ? `${p.slice(1)}index.html` : p.slice(1);
      if (!existsSync(path.join(outDir, target))) {
        if (existsSync(path.join(outDir, target, "index.html"))) target = `${target}/index.html`;
        else {
          report.broken.push({ page: file, ref, reason: "no such file" });
          continue;
        }
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && target.endsWith(".html") && !ids.get(target)?.has(hash))
        report.broken.push({ page: file, ref, reason: `no element with id "${hash}"` });
    }
  }
  report.external = [...external].sort();
  return report;
}
