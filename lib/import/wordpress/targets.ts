// Step 1 of the plan: which posts and pages come in, each one's key and new address, decided
// before any text is converted so links between them can be rewritten. What is left out
// (trash, revisions, menus, untitled, impossible dates, empty pages) goes to the report.
import { plainText } from "./html.ts";
import type { Wxr, WxrItem } from "./wxr.ts";
import type { ImportReport, PlanContext } from "./types.ts";
import { RESERVED_PAGES, describe, keyOf, wpDate } from "./paths.ts";

export interface Target {
  item: WxrItem;
  kind: "post" | "page";
  key: string;
  date: string;
  url: string;
  folder: "blog" | "pages";
  published: boolean;
}

/** WordPress's own machinery, never content: left out without a line in the report. */
const MACHINERY = [
  "revision",
  "nav_menu_item",
  "customize_changeset",
  "custom_css",
  "oembed_cache",
  "wp_global_styles",
  "wp_navigation",
  "wp_template",
  "wp_template_part",
  "user_request",
];
const SKIP_STATUS: Record<string, string> = { trash: "in the trash", "auto-draft": "an unsaved auto-draft", inherit: "a revision" };

export function chooseTargets(wxr: Wxr, ctx: PlanContext, report: ImportReport): { targets: Target[]; emptyPages: WxrItem[] } {
  const reserved = new Set([...(ctx.reservedPages ?? []), ...RESERVED_PAGES]);
  const targets: Target[] = [];
  const taken = { post: new Set<string>(), page: new Set<string>() };
  const emptyPages: WxrItem[] = [];
  for (const item of wxr.items) {
    if (item.type !== "post" && item.type !== "page") {
      if (item.type !== "attachment" && !MACHINERY.includes(item.type)) {
        report.skipped.push({
          item: `${item.type} “${item.title}” (id ${item.id})`,
          message: `content type "${item.type}" is not imported`,
        });
      }
      continue;
    }
    if (SKIP_STATUS[item.status]) {
      report.skipped.push({ item: describe(item), message: `not imported: it is ${SKIP_STATUS[item.status]}` });
      continue;
    }
    if (!item.title.trim()) {
      report.skipped.push({ item: describe(item), message: "not imported: it has no title" });
      continue;
    }
    const date = wpDate(item.dateGmt, item.date, ctx.zone);
    if (!date) {
      report.skipped.push({ item: describe(item), message: `not imported: its date "${item.dateGmt || item.date}" is not a date` });
      continue;
    }
    const kind = item.type;
    if (kind === "page" && !plainText(item.content) && !/<img|<iframe|\[/i.test(item.content)) {
      report.skipped.push({
        item: describe(item),
        message: "not imported: the page is empty (on WordPress, usually the page that lists the posts); its old address goes to /blog/",
      });
      emptyPages.push(item);
      continue;
    }
    let key = keyOf(item.slug || item.title);
    if (!key) key = `${kind}-${item.id}`;
    if (kind === "page" && reserved.has(key)) {
      report.review.push({
        item: describe(item),
        message: `the address /${key}/ belongs to the site itself, so the page is /${key}-page/`,
      });
      key = `${key}-page`;
    }
    const base = key;
    for (let n = 2; taken[kind].has(key); n++) key = `${base.slice(0, 76)}-${n}`;
    if (key !== base)
      report.review.push({ item: describe(item), message: `another ${kind} already has the address "${base}", so this one is "${key}"` });
    taken[kind].add(key);
    const url = kind === "post" ? `/blog/${key}/` : `/${key}/`;
    targets.push({
      item,
      kind,
      key,
      date,
      url,
      folder: kind === "post" ? "blog" : "pages",
      published: item.status === "publish" && !item.password,
    });
  }
  return { targets, emptyPages };
}
