// Content is data, files included: every file the site publishes comes from the content
// folder or assets/ (no "../", no link leading elsewhere), the built site holds no link,
// nothing published can run script on the site's origin, and no image keeps metadata.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { parse } from "node-html-parser";
import { buildInto, makeContent, post, read, DEMO } from "../helpers.ts";
import { svgFindings } from "../../lib/content/svg.ts";
import { stripPng } from "../../lib/outputs/png.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
const SVG_RULE = "SVG files may only hold drawings. Export it again without scripts, or use a PNG";
type P = { file: string; field?: string; message: string };

/** A PNG chunk written by hand (sharp writes no text chunks itself). */
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A PNG carrying a camera's Make and Model in text chunks, where cameras and editors put them (before the pixels). */
async function pngWithText(width: number, height: number): Promise<Buffer> {
  const base = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 120 } } })
    .png()
    .toBuffer();
  const afterHeader = 8 + 25;
  return Buffer.concat([
    base.subarray(0, afterHeader),
    pngChunk("tEXt", Buffer.from("Make\0Canon", "latin1")),
    pngChunk("iTXt", Buffer.from("Model\0\0\0\0\0Canon PowerShot", "latin1")),
    base.subarray(afterHeader),
  ]);
}

/** Files under dir (relative), with whether each is a link. */
async function walk(dir: string): Promise<{ rel: string; link: boolean; file: boolean }[]> {
  const out = [];
  for (const rel of await readdir(dir, { recursive: true })) {
    const s = await lstat(path.join(dir, rel));
    out.push({ rel: rel.split(path.sep).join("/"), link: s.isSymbolicLink(), file: s.isFile() });
  }
  return out;
}

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>fetch("/admin/")</script><rect width="10" height="10"/></svg>';
const HANDLER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(document.cookie)"><rect width="10" height="10"/></svg>';

let outside = "";
before(async () => {
  // Files of the machine that are not part of any site.
  outside = await mkdtemp(path.join(tmpdir(), "pp-outside-"));
  await sharp({ create: { width: 40, height: 40, channels: 3, background: "#a33" } })
    .png()
    .toFile(path.join(outside, "secret.png"));
  await writeFile(path.join(outside, "passwd.txt"), "root:x:0:0\n");
});

test("references leaving the site's folders, links leading elsewhere, odd files and active files fail the build, each named", async () => {
  const dir = await makeContent({
    "blog/2024-03-01-comments-here.md": post({ ...ok, title: "Comments here" }),
    "blog/hostile-svg.md": post({ ...ok, title: "Hostile SVG" }, "![A chart](./chart.svg)"),
    "blog/chart.svg": HOSTILE_SVG,
    "uploads/flyer.svg": HANDLER_SVG,
    "uploads/page.html": "<script>fetch('/admin/')</script>",
    "uploads/forms/consent.pdf": "%PDF-1.4\n",
  });
  const secret = path.join(outside, "secret.png");
  const fromBlog = path.relative(path.join(dir, "blog"), secret);
  await writeFile(path.join(dir, "blog/dotdot-body.md"), post({ ...ok, title: "Body" }, `![A secret](${fromBlog})`));
  await writeFile(path.join(dir, "blog/dotdot-front.md"), post({ ...ok, title: "Front", image: fromBlog, imageAlt: "A secret" }));
  await symlink(path.join(outside, "passwd.txt"), path.join(dir, "blog/leak.jpg"));
  await symlink(path.join(dir, "blog/nowhere.md"), path.join(dir, "blog/dangling.md"));
  await mkdir(path.join(dir, "blog/a-folder.md"));
  await mkdir(path.join(dir, "comments/comments-here"), { recursive: true });
  await symlink(path.join(outside, "gone.md"), path.join(dir, "comments/comments-here/gone.md"));
  const logo = "/" + path.relative(DEMO, secret).split(path.sep).join("/").replace(/^/, "assets/../");
  const practice = path.join(dir, "_data/practice.yaml");
  await writeFile(practice, (await readFile(practice, "utf8")).replace(/^logo:.*$/m, "") + `\nlogo: ${JSON.stringify(logo)}\n`);

  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const problems = (result as { problems?: readonly P[]; error: string }).problems;
  assert.ok(problems, (result as { error: string }).error);
  const rel = (p: string) => path.relative(DEMO, path.join(dir, p)).split(path.sep).join("/");
  const lines = problems.map((p) => `${p.file}: ${p.field ?? ""}: ${p.message}`);
  const has = (line: string) => assert.ok(lines.includes(line), `missing:\n${line}\nin:\n${lines.join("\n")}`);
  has(
    `${rel("blog/dotdot-body.md")}: body: image "${fromBlog}" is outside the site's folders; keep images beside the page or under /assets/`,
  );
  has(
    `${rel("blog/dotdot-front.md")}: image: image "${fromBlog}" is outside the site's folders; keep images beside the page or under /assets/`,
  );
  has(`${rel("_data/practice.yaml")}: logo: logo "${logo}" is outside the site's folders; keep the logo under /assets/`);
  has(`${rel("blog/leak.jpg")}: : is a link to a file outside the site (${path.join(outside, "passwd.txt")}); copy the file here instead`);
  has(`${rel("blog/dangling.md")}: : is a link to a file that does not exist; remove the link, or copy the file here instead`);
  has(
    `${rel("comments/comments-here/gone.md")}: : is a link to a file that does not exist; remove the link, or copy the file here instead`,
  );
  has(`${rel("blog/a-folder.md")}: : is a folder, not a Markdown file; rename the folder (only files may end in .md)`);
  has(`${rel("blog/hostile-svg.md")}: body: image "./chart.svg" contains a script (<script>); ${SVG_RULE}`);
  has(`${rel("uploads/flyer.svg")}: : contains an event handler (onload); ${SVG_RULE}`);
  assert.ok(
    lines.some((l) => l.startsWith(`${rel("uploads/page.html")}: : files of this type (.html) are not published from an uploads folder`)),
    lines.join("\n"),
  );
  // Each said once, and the good upload is not blamed.
  assert.equal(lines.filter((l) => l.includes("dangling.md")).length, 1, lines.join("\n"));
  assert.ok(!lines.some((l) => l.includes("consent.pdf")), lines.join("\n"));
});

test("assets/: a link leading out, a logo that is more than a drawing, a form outside the site", async () => {
  // A project of its own, so its assets/ can hold hostile files.
  const root = await mkdtemp(path.join(tmpdir(), "pp-root-"));
  await cp(path.join(DEMO, "assets"), path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(root, "assets/evil-logo.svg"), HOSTILE_SVG);
  await symlink(path.join(outside, "passwd.txt"), path.join(root, "assets/leak.css"));
  const dir = await makeContent({});
  await cp(dir, path.join(root, "content"), { recursive: true });
  const practice = path.join(root, "content/_data/practice.yaml");
  const form =
    "/assets/../../" +
    path
      .relative(path.dirname(root), path.join(outside, "passwd.txt"))
      .split(path.sep)
      .join("/")
      .replace(/\.txt$/, ".pdf");
  await writeFile(path.join(outside, "passwd.pdf"), "%PDF-1.4\n");
  await writeFile(
    practice,
    (await readFile(practice, "utf8")).replace(/^logo:.*$/m, "").replace(/^forms:\n(  .*\n)*/m, "") +
      `\nlogo: /assets/evil-logo.svg\nforms:\n  - title: A form\n    file: ${JSON.stringify(form)}\n`,
  );
  const { result } = await buildInto({ root, contentDir: "content" });
  assert.equal(result.ok, false);
  const problems = (result as { problems?: readonly P[]; error: string }).problems;
  assert.ok(problems, (result as { error: string }).error);
  const lines = problems.map((p) => `${p.file}: ${p.field ?? ""}: ${p.message}`);
  const has = (line: string) => assert.ok(lines.includes(line), `missing:\n${line}\nin:\n${lines.join("\n")}`);
  has(`assets/leak.css: : is a link to a file outside the site (${path.join(outside, "passwd.txt")}); copy the file here instead`);
  has(`assets/evil-logo.svg: : contains a script (<script>); ${SVG_RULE}`);
  has(`content/_data/practice.yaml: forms[0].file: form "${form}" is outside the site's folders; keep forms under /assets/forms/`);
  assert.ok(!lines.some((l) => l.startsWith("assets/logo.svg") || l.startsWith("assets/favicon.svg")), "the demo's drawings pass");
});

test("links inside the site are followed but never published as links; no image keeps its metadata", async () => {
  const dir = await makeContent({
    "blog/photos.md": post(
      { ...ok, title: "Photos", image: "./camera.jpg", imageAlt: "A waiting room" },
      "![A screenshot](./screen.png)\n\n![A small screenshot](./small.png)\n\n![A linked photo](./linked.png)",
    ),
    "uploads/forms/consent.pdf": "%PDF-1.4\n",
    "uploads/map.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="url(#g)"/></svg>',
  });
  const blog = path.join(dir, "blog");
  await writeFile(path.join(blog, "screen.png"), await pngWithText(1000, 600));
  // Smaller than every width: encoded once at its own size, where a copy would be easiest.
  await writeFile(path.join(blog, "small.png"), await pngWithText(300, 200));
  await writeFile(path.join(blog, "logo.png"), await pngWithText(512, 512));
  await sharp({ create: { width: 1400, height: 900, channels: 3, background: "#48c" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Canon", Model: "EOS" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "45/1 31/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "122/1 40/1 0/1" },
    })
    .toFile(path.join(blog, "camera.jpg"));
  // Links that stay inside the site: followed.
  await symlink(path.join(blog, "small.png"), path.join(blog, "linked.png"));
  await symlink(path.join(dir, "uploads/forms/consent.pdf"), path.join(dir, "uploads/consent-link.pdf"));
  const practice = path.join(dir, "_data/practice.yaml");
  // A PNG logo (kept with the content): icons are made from it.
  const logo = "/assets/../" + path.relative(DEMO, path.join(blog, "logo.png")).split(path.sep).join("/");
  await writeFile(practice, (await readFile(practice, "utf8")).replace(/^logo:.*$/m, "") + `\nlogo: ${JSON.stringify(logo)}\n`);

  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const files = await walk(out);
  assert.deepEqual(
    files.filter((f) => f.link).map((f) => f.rel),
    [],
    "the built site holds no links",
  );
  const link = files.find((f) => f.rel === "uploads/consent-link.pdf");
  assert.ok(link?.file, "a link to an upload is published as the file");
  assert.equal(await read(out, "uploads/consent-link.pdf"), "%PDF-1.4\n");
  assert.ok(
    files.some((f) => f.rel === "uploads/map.svg" && f.file),
    "a plain drawing is published",
  );
  assert.ok(
    files.some((f) => f.rel === "assets/css/site.css" && f.file),
    "assets/ is published",
  );
  const doc = parse(await read(out, "blog/photos/index.html"));
  assert.equal(doc.querySelectorAll("picture").length, 4, "every image (the linked one too) became a picture");

  // No output image keeps a camera's make, its position, or any text chunk.
  const images = [
    ...files.filter((f) => f.rel.startsWith("img/")).map((f) => f.rel),
    "icon-192.png",
    "icon-512.png",
    "apple-touch-icon.png",
    "favicon.png",
  ];
  const formats = new Set(images.map((f) => path.extname(f)));
  for (const ext of [".avif", ".webp", ".png", ".jpeg", ".jpg"])
    assert.ok(formats.has(ext), `no ${ext} output to check (${[...formats].join(", ")})`);
  for (const f of images) {
    const bytes = await readFile(path.join(out, f));
    for (const marker of ["Canon", "Make", "GPS", "tEXt", "iTXt", "Exif"]) assert.ok(!bytes.includes(marker), `${f} contains "${marker}"`);
  }
});

test("the SVG check: drawings pass, anything active is named", () => {
  const ok = (s: string) => assert.deepEqual(svgFindings(s), [], s);
  const finds = (s: string, what: string) =>
    assert.ok(
      svgFindings(s).some((f) => f.includes(what)),
      `${s}\n${svgFindings(s).join("\n")}`,
    );
  ok(
    '<?xml version="1.0"?><!-- drawn by hand --><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><style>.a{fill:url(#g)}</style><rect class="a" style="stroke:#000" fill="url(#g)"/><use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>',
  );
  finds('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', "a script (<script>)");
  finds('<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x"/></svg>', "an event handler (onclick)");
  finds('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "embedded content (<foreignObject>)");
  finds('<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:iframe/></svg>', "<h:iframe>");
  finds(
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>x</h:script></svg>',
    "a script (<h:script>)",
  );
  finds('<!DOCTYPE svg [<!ENTITY e "x">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>', "<!ENTITY>");
  finds('<svg xmlns="http://www.w3.org/2000/svg"><a href="jav&#x61;script:alert(1)"><rect/></a></svg>', "javascript:");
  finds(
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>',
    "a link to another file",
  );
  finds('<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x.example/a.css";</style></svg>', "@import");
  finds('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.example/a.svg#p)"/></svg>', "url(https://x.example");
  finds('<?xml-stylesheet href="https://x.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>', "processing instruction");
  finds("<html><body/></html>", "not a drawing");
  finds('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', "not well formed");
});

test("stripPng keeps the pixels and drops text chunks", async () => {
  const png = await pngWithText(20, 10);
  const stripped = stripPng(png);
  assert.ok(png.includes("Canon") && !stripped.includes("Canon"));
  assert.deepEqual(await sharp(stripped).raw().toBuffer(), await sharp(png).raw().toBuffer());
  assert.equal(stripPng(stripped), stripped, "nothing to drop: the same buffer");
});
