import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown, readingMinutes } from "../../lib/markdown/index.ts";
import { parseFileName } from "../../lib/content/paths.ts";
import { absolutizeLinks } from "../../lib/outputs/feeds.ts";
import { createUrls } from "../../lib/model/urls.ts";

test("raw HTML is cut down to the allowlist: scripts, handlers, iframes and javascript: links are inert", () => {
  const { html } = renderMarkdown(
    'Hi <script>alert(1)</script>\n\n<img src="x.png" alt="x" onerror="alert(2)">\n\n<a href="javascript:alert(3)">x</a>\n\n<iframe src="https://evil.example"></iframe>\n\n<details><summary>More</summary>ok</details>',
  );
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /onerror/i);
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /<iframe/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /<details><summary>More<\/summary>/);
});

test("Markdown is data: template syntax is left as text", () => {
  const { html } = renderMarkdown("{{ 7 * 7 }} and {% include x %}");
  assert.match(html, /\{\{ 7 \* 7 \}\}/);
});

test("headings keep an unbroken outline under the page's h1", () => {
  assert.equal(renderMarkdown("# Hello").html.trim(), "<h2>Hello</h2>");
  const levels = (src: string) => [...renderMarkdown(src).html.matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
  assert.deepEqual(levels("### Q1\n\n### Q2"), [2, 2]);
  assert.deepEqual(levels("## A\n\n#### B\n\n### C\n\n## D\n\n### E"), [2, 3, 3, 2, 3]);
});

test("root-relative links get the host's path prefix", () => {
  assert.match(renderMarkdown("[New patients](/new-patients/)", { prefix: "/clinic" }).html, /href="\/clinic\/new-patients\/"/);
  assert.match(renderMarkdown("[x](https://example.org/)", { prefix: "/clinic" }).html, /href="https:\/\/example.org\/"/);
});

test("reading time counts words, at least one minute", () => {
  const { words } = renderMarkdown("word ".repeat(1000));
  assert.equal(words, 1000);
  assert.equal(readingMinutes(words), 5);
  assert.equal(readingMinutes(3), 1);
});

test("file names give key and language; odd names fail clearly", () => {
  assert.deepEqual(parseFileName("post", "2024-05-01-Flu Shots.md", ["en"], "en"), { key: "flu-shots", lang: "en" });
  assert.deepEqual(parseFileName("page", "index.md", ["en"], "en"), { key: "index", lang: "en" });
  assert.deepEqual(parseFileName("post", "flu.es.md", ["en", "es"], "en"), { key: "flu", lang: "es" });
  assert.match(JSON.stringify(parseFileName("post", "flu.fr.md", ["en"], "en")), /not one of the site's languages/);
  assert.match(JSON.stringify(parseFileName("post", "🩺.md", ["en"], "en")), /no letters or digits/);
});

test("feed content links become absolute", () => {
  assert.equal(
    absolutizeLinks('<a href="/blog/x/">x</a> <img src="/a.png">', "https://p.example"),
    '<a href="https://p.example/blog/x/">x</a> <img src="https://p.example/a.png">',
  );
});

test("URL helper applies language folder, prefix and origin in one place", () => {
  const u = createUrls({ siteUrl: "https://p.example/ignored", prefix: "/clinic/", defaultLang: "en" });
  assert.equal(u.local("en", "/blog/"), "/blog/");
  assert.equal(u.local("es", "/blog/"), "/es/blog/");
  assert.equal(u.href("/blog/"), "/clinic/blog/");
  assert.equal(u.absolute("/blog/"), "https://p.example/clinic/blog/");
});

test("table alignment becomes a class, never an inline style (the CSP forbids them)", () => {
  const table = "| a | b |\n|:-|-:|\n| 1 | 2 |";
  const { html } = renderMarkdown(table);
  assert.match(html, /<th class="align-left">a<\/th>/);
  assert.match(html, /<td class="align-right">2<\/td>/);
  assert.doesNotMatch(html, /style=/);
  // Same result when raw HTML elsewhere sends the whole body through the sanitizer.
  const mixed = renderMarkdown(`${table}\n\n<abbr title="x" style="color:red">AAP</abbr>`).html;
  assert.match(mixed, /<td class="align-right">2<\/td>/);
  assert.doesNotMatch(mixed, /style=/);
});

test("a video link alone on its line becomes a facade; inside a sentence it stays a link", () => {
  const { html, videoHosts, problems } = renderMarkdown(
    'Watch https://youtu.be/dQw4w9WgXcQ today.\n\nhttps://youtu.be/dQw4w9WgXcQ\n{title="Hello"}\n\nhttps://example.org/video',
  );
  assert.equal(html.match(/<figure class="video/g)?.length, 1);
  assert.match(html, /<p>Watch <a href="https:\/\/youtu.be\/dQw4w9WgXcQ">/);
  assert.match(html, /data-play-label="Play video: Hello"/);
  assert.match(html, /<a href="https:\/\/example.org\/video">/);
  assert.deepEqual(videoHosts, ["https://www.youtube-nocookie.com"]);
  assert.deepEqual(problems, []);
});

test("malformed video attributes are reported; the facade survives the HTML allowlist", () => {
  const { problems } = renderMarkdown('https://vimeo.com/76979871\n{title="x" autoplay="yes"}');
  assert.deepEqual(problems, ['video attribute "autoplay" is not one of title, caption, transcript, poster']);
  const broken = renderMarkdown('https://vimeo.com/76979871\n{title="unclosed}');
  assert.match(broken.problems[0]!, /^malformed video attributes/);
  const mixed = renderMarkdown('<abbr title="x">AAP</abbr>\n\nhttps://vimeo.com/76979871\n{title="Clinic tour"}');
  assert.match(mixed.html, /<figure class="video video--vimeo" data-video data-third-party="vimeo">/);
  assert.match(mixed.html, /data-embed="https:\/\/player.vimeo.com\/video\/76979871\?dnt=1&amp;autoplay=1"/);
});

test("a self-hosted video gets controls, preload=none and captions when a .vtt sits beside it", () => {
  const files = new Set(["/assets/video/tour.mp4", "/assets/video/tour.vtt"]);
  const { html, problems } = renderMarkdown("/assets/video/tour.mp4", { exists: (p) => files.has(p), prefix: "/clinic" });
  assert.deepEqual(problems, []);
  assert.match(html, /<video class="video__file" controls preload="none"/);
  assert.match(html, /<source src="\/clinic\/assets\/video\/tour.mp4" type="video\/mp4">/);
  assert.match(html, /<track kind="captions" src="\/clinic\/assets\/video\/tour.vtt" srclang="en" label="Captions" default>/);
  assert.deepEqual(renderMarkdown("/assets/video/missing.webm", { exists: () => false }).problems, [
    "video file assets/video/missing.webm does not exist",
  ]);
});

test("named anchors: {#id} after a heading and []{#id} in the text; bad, repeated and the page's own ids are problems", async () => {
  const { html, problems } = renderMarkdown(
    "# Dosage {#dosage}\n\nGive it []{#how}with food, see [dosage](#dosage).\n\n### Mixing {#mixing_2}\n\n<b>raw</b> HTML on the page too",
  );
  assert.equal(problems.length, 0, problems.join("\n"));
  assert.match(html, /<h2 id="dosage">Dosage<\/h2>/);
  assert.match(html, /Give it <span id="how"><\/span>with food, see <a href="#dosage">dosage<\/a>\./);
  // The outline still applies, and the allowlist (raw HTML on the page) keeps the ids.
  assert.match(html, /<h3 id="mixing_2">Mixing<\/h3>/);
  // Escaped, or not at the end, it is text.
  assert.match(renderMarkdown("## C# \\{#x}").html, /<h2>C# \{#x\}<\/h2>/);
  assert.match(renderMarkdown("## {#x} first").html, /<h2>\{#x\} first<\/h2>/);

  const bad = renderMarkdown("## A {#a b}\n\n## B {#main}\n\n## C {#c}\n\n## D {#c}\n\nx []{#comment-12} y []{#ok}");
  assert.deepEqual(bad.problems, [
    'the anchor {#a b} is not a valid id: use letters, digits, "-" and "_" only (at most 80), e.g. {#dosage}',
    "the anchor {#main} is an id the page itself uses (#main, #comments, #comment-…): choose another",
    "the anchor {#comment-12} is an id the page itself uses (#main, #comments, #comment-…): choose another",
    "the anchor {#c} is used twice on the page: each id must be unique",
  ]);
  assert.equal([...bad.html.matchAll(/id="c"/g)].length, 1);
  assert.doesNotMatch(bad.html, /id="(main|comment-12)"/);

  // The FAQ's questions are the heading text, without the anchor.
  const { extractFaq } = await import("../../lib/markdown/faq.ts");
  assert.deepEqual(
    extractFaq("## Is it safe? {#safe}\n\nYes.").map((q) => q.question),
    ["Is it safe?"],
  );
});

test("the ids content may not take are every id the layouts give a page", async () => {
  const { readdir, readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const { LAYOUT_IDS, isLayoutId } = await import("../../lib/markdown/anchors.ts");
  const dir = path.resolve(import.meta.dirname, "../../layouts");
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".tsx"));
  const found = new Set<string>();
  for (const f of files) for (const m of (await readFile(path.join(dir, f), "utf8")).matchAll(/\sid="([^"]+)"/g)) found.add(m[1]!);
  assert.ok(found.size > 10);
  for (const id of found) assert.ok(LAYOUT_IDS.has(id), `layouts use id "${id}": add it to LAYOUT_IDS in lib/markdown/anchors.ts`);
  assert.ok(isLayoutId("comment-2024-10-01-8c1e4b27"));
  assert.ok(!isLayoutId("dosage"));
});

test("code blocks that may scroll sideways are keyboard-focusable and named, fenced or typed as HTML", () => {
  const fenced = renderMarkdown(
    "```\nmix 1 scoop of formula with 2 oz water, then shake well before feeding your baby\n```\n\n    indented code\n",
  ).html;
  assert.equal(fenced.match(/<pre tabindex="0" role="region" aria-label="Preformatted text">/g)?.length, 2);
  // An author's own attributes never double up or override the name; the language names it.
  const typed = renderMarkdown('<pre tabindex="-1" role="img" aria-label="x" lang="es">uno\ndos</pre>\n\nText <strong>here</strong>', {
    lang: "es",
  }).html;
  assert.match(typed, /^<pre tabindex="0" role="region" aria-label="Texto con formato fijo" lang="es">uno\ndos<\/pre>/);
  assert.equal(typed.match(/tabindex/g)?.length, 1);
  // Text that only mentions the tag is left alone.
  assert.doesNotMatch(renderMarkdown("Use `<pre>` for poems.").html, /tabindex/);
});
