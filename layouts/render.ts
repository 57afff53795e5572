// Turns the layouts' JSX into HTML synchronously. The layouts are written against
// jsx-async-runtime's element shape (its types and its jsx() factory), but none of
// them awaits anything, and its async renderer costs a promise per node: about a
// second per 5 000 pages in profiles. This walks the same elements with the same
// output (escaping by default, the same attribute and void-tag rules); a test renders
// every demo route both ways and compares.
import { escapeEntities as escapeHTML } from "jsx-async-runtime";

const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

interface Element {
  type?: string;
  tag?: string | ((props: Record<string, unknown>) => unknown);
  props?: Record<string, unknown> & { children?: unknown };
  text?: string;
  html?: string;
}

export function renderToString(node: unknown): string {
  // One flat list of pieces joined once: concatenating as we go builds deep rope
  // strings that cost more to flatten and collect than the rendering itself.
  const out: string[] = [];
  render(node, out);
  return out.join("");
}

function render(node: unknown, out: string[]): void {
  if (node === null || node === undefined) return;
  switch (typeof node) {
    case "string":
      out.push(escapeHTML(node));
      return;
    case "number":
    case "bigint":
      out.push(String(node));
      return;
    case "boolean":
    case "function":
    case "symbol":
      return;
  }
  if (node instanceof Promise) throw new Error("layouts must render synchronously: a component returned a Promise");
  const el = node as Element;
  if ("html" in el) {
    out.push(el.html as string);
    return;
  }
  if (el.type === "textNode") {
    out.push(escapeHTML(el.text ?? ""));
    return;
  }
  if (typeof el.tag === "function") return render(el.tag(el.props ?? {}), out);
  if (typeof el.tag !== "string") return;
  const props = el.props ?? {};
  const children = props.children;
  const empty = Array.isArray(children) ? children.length === 0 : !children;
  if (el.tag !== "") {
    let open = `<${el.tag}`;
    for (const key in props) {
      if (key === "children") continue;
      const a = attribute(key, props[key]);
      if (a) open += ` ${a}`;
    }
    out.push(`${open}>`);
    if (empty && VOID_TAGS.has(el.tag)) return;
  }
  if (Array.isArray(children)) for (const child of children) render(child, out);
  else if (children) render(children, out);
  if (el.tag !== "") out.push(`</${el.tag}>`);
}

function attribute(key: string, value: unknown): string {
  if (value === true) return key;
  if (value === false || value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (key === "style")
      return `style="${escapeHTML(
        Object.entries(value)
          .map(([k, v]) => `${k}: ${v}`)
          .join("; "),
      )}"`;
    if (key === "class") {
      const classes = Array.isArray(value)
        ? value.filter((v) => v)
        : Object.entries(value)
            .filter(([, v]) => v)
            .map(([k]) => k);
      return classes.length > 0 ? `class="${escapeHTML(classes.join(" "))}"` : "";
    }
    return `${key}="${escapeHTML(JSON.stringify(value))}"`;
  }
  // Text and numbers are attribute values; a function or symbol is none (never its source code).
  return typeof value === "string" || typeof value === "number" ? `${key}="${escapeHTML(String(value))}"` : "";
}
