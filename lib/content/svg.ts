// An SVG file published as it is (a logo, a drawing, an upload) is a document of the
// site's own origin: opened on its own, any script in it would run beside the staff
// editor at /admin/. Only drawings pass: the file is parsed as XML and every element,
// attribute and style is checked against what a drawing needs; anything active (scripts,
// event handlers, embedded pages, links to other files, declarations) is refused.
import { XMLParser, XMLValidator } from "fast-xml-parser";

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** Namespaces whose elements a browser would run or render as a page (never in a drawing). */
const ACTIVE_NS = new Set(["http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/2001/xml-events"]);

/** What a drawing is made of (lowercase local names in the SVG namespace). */
const DRAWING = new Set(
  (
    "svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon text tspan textpath " +
    "lineargradient radialgradient stop clippath mask pattern marker filter style image switch view a " +
    "animate animatetransform animatemotion mpath set " +
    "feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap " +
    "fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode " +
    "femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence"
  ).split(" "),
);
const EMBEDS = new Set(["foreignobject", "iframe", "embed", "object", "handler", "listener", "frame", "frameset", "applet", "audio", "video", "canvas", "form", "link", "meta", "base"]);
/** A link inside the drawing, or a small picture written into it. */
const LOCAL_REF = /^(#[^\s]*|data:image\/(png|jpeg|gif|webp)[;,][^\s]*)$/i;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: true,
  processEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
});

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", lpar: "(", rpar: ")" };
/** Attribute text as the browser reads it: character references decoded, blanks and controls gone, lowercase. */
function normalised(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?|&#(\d+);?|&([a-z]+);/gi, (m: string, hex: string | undefined, dec: string | undefined, name: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name.toLowerCase()] ?? m),
    )
    .replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g, "")
    .toLowerCase();
}

/** What a style sheet or style attribute loads from elsewhere, if anything. */
function cssFinding(css: string): string | undefined {
  const text = normalised(css.replace(/\/\*[\s\S]*?\*\//g, "")).replace(/\\/g, "");
  if (text.includes("@import")) return "a style that loads another file (@import)";
  for (const m of text.matchAll(/url\(([^)]*)\)?/g)) {
    const target = m[1]!.replace(/^["']|["']$/g, "");
    if (!target.startsWith("#")) return `a style that loads another file (url(${target.slice(0, 60)}))`;
  }
  if (/expression\(|behavior:|-moz-binding/.test(text)) return "a style that runs code";
  return undefined;
}

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

/**
 * What makes an SVG unsafe to publish as it is, or nothing: each finding names what was
 * found, such as "a script (<script>)". Only the first few are listed.
 */
export function svgFindings(source: string): string[] {
  const found: string[] = [];
  const add = (f: string) => {
    if (!found.includes(f)) found.push(f);
  };
  if (/<!DOCTYPE/i.test(source)) add("a document type declaration (<!DOCTYPE>)");
  if (/<!ENTITY/i.test(source)) add("an entity declaration (<!ENTITY>)");
  if (normalised(source).includes("javascript:")) add("a javascript: address");
  if (found.length) return found;
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (valid !== true) return [`XML that is not well formed (${valid.err.msg}, line ${valid.err.line})`];
  let nodes: Node[];
  try {
    nodes = parser.parse(source) as Node[];
  } catch (err) {
    return [`XML that is not well formed (${(err as Error).message.split("\n")[0]})`];
  }
  let root = 0;
  const walk = (list: Node[], scope: Record<string, string>, inStyle: boolean) => {
    for (const node of list) {
      if (found.length >= 3) return;
      const name = Object.keys(node).find((k) => k !== ":@")!;
      const value = node[name];
      if (name === "#text" || name === "#cdata") {
        const text = name === "#cdata" ? (value as { "#text": string }[]).map((t) => t["#text"]).join("") : String(value);
        if (inStyle) {
          const css = cssFinding(text);
          if (css) add(css);
        }
        continue;
      }
      if (name === "#comment") continue;
      if (name.startsWith("?")) {
        if (name !== "?xml") add(`a processing instruction (<${name}>)`);
        continue;
      }
      const attrs = node[":@"] ?? {};
      const inner = { ...scope };
      for (const [a, v] of Object.entries(attrs)) {
        if (a === "xmlns") inner[""] = String(v);
        else if (a.startsWith("xmlns:")) inner[a.slice(6)] = String(v);
      }
      const [prefix, local] = name.includes(":") ? [name.slice(0, name.indexOf(":")), name.slice(name.indexOf(":") + 1)] : ["", name];
      const ns = inner[prefix] ?? (prefix ? undefined : SVG_NS);
      const lower = local.toLowerCase();
      if (root++ === 0 && (lower !== "svg" || (ns !== SVG_NS && ns !== ""))) add(`a document that is not a drawing (<${name}>)`);
      else if (ns === SVG_NS || ns === "" || ns === undefined || ACTIVE_NS.has(ns)) {
        if (lower === "script") add(`a script (<${name}>)`);
        else if (EMBEDS.has(lower)) add(`embedded content (<${name}>)`);
        else if (ns !== undefined && ACTIVE_NS.has(ns)) add(`a web page element (<${name}>)`);
        else if (!DRAWING.has(lower)) add(`an element drawings do not use (<${name}>)`);
      }
      // Elements of other namespaces (an editor's own notes, such as Inkscape's) are ignored by browsers.
      for (const [a, raw] of Object.entries(attrs)) {
        const v = String(raw);
        const aLocal = (a.includes(":") ? a.slice(a.indexOf(":") + 1) : a).toLowerCase();
        const aNs = a.includes(":") ? inner[a.slice(0, a.indexOf(":"))] : undefined;
        if (a === "xmlns" || a.startsWith("xmlns:")) continue;
        if (aLocal.startsWith("on")) add(`an event handler (${a})`);
        else if (aLocal === "href" || aLocal === "src" || (aNs === XLINK_NS && aLocal !== "title")) {
          if (!LOCAL_REF.test(v.trim())) add(`a link to another file (${a}="${v.slice(0, 60)}")`);
        } else if (aLocal === "style") {
          const css = cssFinding(v);
          if (css) add(css);
        } else if (aLocal === "attributename" && /^(xlink:)?href$|^on|^style$/i.test(v.trim())) add(`an animation that changes ${v.trim()}`);
        else if (aNs !== XML_NS && /url\(/i.test(v)) {
          const css = cssFinding(v);
          if (css) add(css);
        }
      }
      walk(value as Node[], inner, lower === "style");
    }
  };
  walk(nodes, { xml: XML_NS }, false);
  if (root === 0) add("no drawing (no <svg> element)");
  return found;
}

/** The problem message for an SVG with findings, e.g. "contains a script (<script>); SVG files may only hold drawings. ..." */
export function svgMessage(findings: readonly string[]): string {
  return `contains ${findings.join(", ")}; SVG files may only hold drawings. Export it again without scripts, or use a PNG`;
}

/** Whether a file's first bytes say XML or SVG, whatever its name (image tools go by content). */
export function looksLikeXml(head: Buffer | string): boolean {
  const s = (typeof head === "string" ? head : head.subarray(0, 512).toString("utf8")).replace(/^\ufeff/, "").trimStart();
  return s.startsWith("<");
}
