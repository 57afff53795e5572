// Lists and tables as Markdown, for the converter walking a post (html.ts).
import { HTMLElement, type Node } from "node-html-parser";
import { span, type AnchorBook } from "./anchor-ids.ts";

/** What lists and tables need from the converter. */
export interface BlockHost {
  readonly book: AnchorBook;
  blocks(nodes: readonly Node[]): string[];
  inlineChildren(el: HTMLElement): string;
}

/** A list, items indented under their markers; each item's anchors kept. */
export function listMarkdown(host: BlockHost, el: HTMLElement, ordered: boolean): string {
  const start = Number.parseInt(el.getAttribute("start") ?? "1", 10) || 1;
  const items = el.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement && n.rawTagName.toLowerCase() === "li");
  return items
    .map((li, i) => {
      const marker = ordered ? `${start + i}.` : "-";
      const pad = " ".repeat(marker.length + 1);
      const ids = host.book.take(li);
      const body = host.book.attach(host.blocks(li.childNodes), ids).join("\n") || "";
      return `${marker} ${body
        .split("\n")
        .map((l, j) => (j === 0 || !l ? l : pad + l))
        .join("\n")}`.trimEnd();
    })
    .join("\n");
}

/** A GFM table: the first row is the header; cells are one line each. */
export function tableMarkdown(host: BlockHost, el: HTMLElement): string[] {
  const rows = el.querySelectorAll("tr").map((tr) => {
    const rowIds = host.book.take(tr);
    return tr.childNodes
      .filter((c): c is HTMLElement => c instanceof HTMLElement && ["td", "th"].includes(c.rawTagName.toLowerCase()))
      .map(
        (c, i) =>
          [...(i === 0 ? rowIds : []), ...host.book.take(c)].map(span).join("") +
          host
            .inlineChildren(c)
            .replace(/\\\n|\n/g, " ")
            .trim(),
      );
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!width) return [];
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? "").join(" | ")} |`;
  return [[line(rows[0]!), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n")];
}
