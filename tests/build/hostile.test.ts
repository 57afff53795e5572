// Hostile and careless content, as an attacker, a receptionist or an imported file would
// write it. Each case ends in a refusal naming the file (and field), or in output that is
// inert and valid. Real builds, the real CLI, a real HTML parser and XML validator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { XMLValidator } from "fast-xml-parser";
import { reportFailure } from "../../lib/build/build.ts";
import { buildInto, htmlFiles, makeContent, post, read, runCheck, DEMO, ROOT } from "../helpers.ts";
import { thirdPartyResources, scriptUrls } from "../support/inert.ts";

const run = promisify(execFile);
const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
const MARK = path.join(tmpdir(), `pp-hostile-ran-${process.pid}`);

const BOMB = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
title: *g`;

/** Content no build may accept: each file must be named with its problem. */
const REFUSED: Record<string, { text: string; message: RegExp }> = {
  "blog/2024-01-01-js-fence.md": {
    text: `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(MARK)}, "ran"), "Ran") }\n---\nBody\n`,
    message: /: the first line must be exactly --- \(found "---js"\); front matter is YAML only/,
  },
  "blog/2024-01-02-js-fence-spaced.md": {
    text: `--- javascript\nmodule.exports = { title: require("fs").writeFileSync(${JSON.stringify(MARK)}, "ran") }\n---\nBody\n`,
    message: /: the first line must be exactly --- \(found "--- javascript"\)/,
  },
  "blog/2024-01-03-bomb.md": {
    text: `---\n${BOMB}\n---\nBody\n`,
    message: /: the front matter holds too many values once its references \(&anchors and \*aliases\) are expanded/,
  },
  "blog/2024-01-04-deep.md": {
    text: `---\ntitle: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n`,
    message: /: the front matter nests lists and fields more than 24 levels deep/,
  },
  "blog/2024-01-05-huge.md": {
    text: `---\ntitle: ${"x".repeat(100_000)}\n---\n`,
    message: /: the front matter is too long \(98 KB; at most 64 KB\)/,
  },
  "blog/2024-01-06-transcript.md": {
    text: post(
      { ...ok, title: "Video" },
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n{title="Shots" transcript="javascript:alert(document.domain)"}',
    ),
    message: /: body: video transcript "javascript:alert\(document\.domain\)": expected a page on this site/,
  },
  "blog/2024-01-07-scheme.md": {
    text: post({ ...ok, title: "Links" }, "[open](ms-msdt:/id)"),
    message: /: body: the address "ms-msdt:\/id" is not allowed in a page/,
  },
  "blog/2024-01-08-raw-img.md": {
    text: post({ ...ok, title: "Raw" }, '<img src="./flu-clinic.png">'),
    message: /: body: image "\.\/flu-clinic\.png" has no alt text; describe it with alt="\.\.\."/,
  },
  "pages/admin.md": {
    text: post({ title: "Admin", description: "A page that would replace the staff editor." }),
    message: /: takes the address \/admin\/, which the site uses for the staff web editor; rename the file/,
  },
  "pages/uploads.md": {
    text: post({ title: "Uploads", description: "A page over the documents folder." }),
    message: /: takes the address \/uploads\/, which the site uses for documents kept with the content/,
  },
  "pages/pagefind.md": {
    text: post({ title: "Search", description: "A page over the search index folder." }),
    message: /: takes the address \/pagefind\/, which the site uses for the search index/,
  },
};

let refusedDir: string | undefined;
async function refusedContent(): Promise<string> {
  if (!refusedDir) await rm(MARK, { force: true });
  refusedDir ??= await makeContent(Object.fromEntries(Object.entries(REFUSED).map(([f, c]) => [f, c.text])));
  return refusedDir;
}

test("hostile content is refused at once, each file named with its problem, and no code runs", async () => {
  const dir = await refusedContent();
  const { out, result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const report = reportFailure(result);
  for (const [file, { message }] of Object.entries(REFUSED)) {
    const line = report.split("\n").find((l) => l.startsWith(`${path.relative(DEMO, path.join(dir, file))}:`) && message.test(l));
    assert.ok(line, `expected ${file} to be refused with ${message}, in:\n${report.slice(0, 3000)}`);
  }
  // Every message stays short, whatever was pasted (the bomb and the 100 KB title included).
  for (const line of report.split("\n")) assert.ok(line.length < 400, `message too long: ${line.slice(0, 200)}…`);
  assert.equal(existsSync(MARK), false, "a front-matter fence ran code");
  assert.equal(existsSync(out), false, "nothing was published");
  assert.deepEqual(
    (await readdir(path.dirname(out))).filter((n) => n.startsWith("_site.")),
    [],
    "no staging folder left behind",
  );
});

test("a file named like an Eleventy template or data file in content/ is never run nor published", async () => {
  // Eleventy runs *.11ty.js templates and JavaScript data files it finds in its input folder;
  // content/ is data only (a web editor's upload could be named so).
  const mark = `${MARK}-template`;
  await rm(mark, { force: true });
  const code = (kind: string) =>
    `require("fs").writeFileSync(${JSON.stringify(mark)}, ${JSON.stringify(kind)}); module.exports = () => "ran";\n`;
  const dir = await makeContent({
    "blog/2024-03-01-ordinary.md": post({ ...ok, title: "An ordinary post" }),
    "blog/evil.11ty.js": code("blog template"),
    "pages/evil.11ty.cjs": code("page template"),
    "_eleventy_data/evil.cjs": code("data file"),
    "_data/evil.js": code("data file"),
  });
  const { out, result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(existsSync(mark), false, "a file in content/ ran as code");
  const pages = await htmlFiles(out);
  assert.ok(pages.includes("blog/ordinary/index.html"), "the ordinary post is built");
  assert.deepEqual(
    pages.filter((f) => f.includes("evil")),
    [],
    "no page made from the files",
  );
});

test("npm run check refuses the same files (it said 'No problems' and ran the fence before)", async () => {
  const dir = await refusedContent();
  const r = await runCheck(dir);
  assert.equal(r.code, 1);
  const text = r.stdout + r.stderr;
  assert.match(text, /js-fence\.md:1: the first line must be exactly ---/);
  assert.match(text, /admin\.md: takes the address \/admin\//);
  assert.equal(existsSync(MARK), false, "a front-matter fence ran code");
});

test("npm run build ends a failure with one plain report: no stack trace, no leftovers", async () => {
  const dir = await refusedContent();
  const outDir = await mkdtemp(path.join(tmpdir(), "pp-cli-"));
  // A staging folder from a build that was killed half-way (its process is gone).
  await mkdir(path.join(outDir, "_site.tmp-2147483646-abcdef"));
  const r = await run(process.execPath, ["scripts/build.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PRACTICE_ROOT: DEMO, PRACTICE_CONTENT: dir, PRACTICE_OUT: path.join(outDir, "_site") },
  }).then(
    () => ({ code: 0, stdout: "", stderr: "" }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^Build failed: \d+ problems in the content\. Nothing was published/);
  assert.doesNotMatch(r.stdout + r.stderr, /^\s+at /m, "no stack trace");
  assert.doesNotMatch(r.stdout + r.stderr, /\[11ty\]/, "no Eleventy log");
  assert.deepEqual(await readdir(outDir), [], "no _site.tmp-* or _site.old-* left behind");
});

test("an unexpected error is one plain line; the stack only with PRACTICE_DEBUG", () => {
  const failed = {
    ok: false as const,
    error: "Output conflict at /x/index.html",
    detail: "Error: Output conflict\n    at TemplateMap.checkForDuplicatePermalinks (TemplateMap.js:589:10)",
  };
  const plain = reportFailure(failed, false);
  assert.match(plain, /^Build failed: Output conflict at \/x\/index\.html\nNothing was published/);
  assert.doesNotMatch(plain, /^\s+at /m);
  assert.match(reportFailure(failed, true), /^\s+at TemplateMap/m);
});

test("hostile markup that may stay is inert in pages and in both feeds", async () => {
  const oldMarker = "ppembed5f2c9d"; // the fixed marker older versions spliced embeds with
  const dir = await makeContent({
    "blog/2024-03-01-pixels.md": post(
      { ...ok, title: `Tracking ${oldMarker}img0x` },
      [
        `Before <img src="https://tracker.example/pixel.gif?u=1" alt="" width="1" height="1"> after.`,
        "",
        `<p><img src='//cdn.tracker.example/p.png' alt='chart'><img srcset="https://tracker.example/a.png 1x" src="https://tracker.example/b.png" alt="x"></p>`,
        "",
        "![remote](https://images.example/photo.jpg)",
        "",
        `[forged](/blog/ "${oldMarker}img0x") and [forged embed](/x/ "<p>${oldMarker}0</p>") ![chart of flu cases](./flu-clinic.png)`,
        "",
        `<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="&#106;avascript:alert(1)">entity</a> <a href=" javascript:alert(1)">space</a>`,
        "",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        `{title="Shots ${oldMarker}0" transcript="/blog/pixels/"}`,
      ].join("\n"),
    ),
  });
  await copyFile(path.join(DEMO, "content/blog/flu-clinic.png"), path.join(dir, "blog/flu-clinic.png"));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, result.ok ? "" : reportFailure(result));
  const origin = new URL((JSON.parse(await read(out, "feed.json")) as { home_page_url: string }).home_page_url).origin;

  const page = await read(out, "blog/pixels/index.html");
  assert.match(
    page,
    /<a href="https:\/\/tracker\.example\/pixel\.gif\?u=1"[^>]*>[^<]*\(image on another website\)<\/a>/,
    "a remote image becomes a link",
  );
  assert.match(page, /<picture>/, "the local image is still a picture");
  // The forged markers stay plain text in their attributes: nothing was spliced into them.
  const doc = parse(page);
  for (const a of doc.querySelectorAll("a[title]")) assert.doesNotMatch(a.getAttribute("title")!, /<picture|<figure|data-embed/);
  assert.equal(doc.querySelectorAll("picture").length, 1);

  for (const file of await htmlFiles(out)) {
    const html = await read(out, file);
    assert.deepEqual(scriptUrls(html), [], `${file}: a script URL in an attribute`);
    assert.deepEqual(thirdPartyResources(html, origin), [], `${file}: loads from another site`);
  }
  const atom = await read(out, "feed.xml");
  assert.equal(XMLValidator.validate(atom), true, "feed.xml is well-formed XML");
  const feedHtml = [...atom.matchAll(/<content type="html">([^]*?)<\/content>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&"),
  );
  const json = JSON.parse(await read(out, "feed.json")) as { items: { content_html: string }[] };
  for (const html of [...feedHtml, ...json.items.map((i) => i.content_html)]) {
    assert.deepEqual(thirdPartyResources(html, origin), [], "a feed item loads from another site");
    assert.deepEqual(scriptUrls(html), [], "a feed item holds a script URL");
  }
  assert.ok(
    feedHtml.some((h) => h.includes("tracker.example/pixel.gif")),
    "the feed keeps the link to the remote image",
  );
});
