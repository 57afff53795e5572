// The WordPress import as pure functions: reading WXR (and refusing broken files), HTML to
// Markdown (blocks, classic editor, shortcodes, hostile markup), and the plan: files,
// dates, threads, privacy, media and redirects, on the fixture export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parseWxr, WxrError } from "../../lib/import/wordpress/wxr.ts";
import { htmlToMarkdown, escapeMarkdown, anchorIds, cleanAnchorId } from "../../lib/import/wordpress/html.ts";
import {
  planImport,
  personKey,
  uploadPath,
  wpDate,
  redirectsFile,
  documentPath,
  type ImportPlan,
} from "../../lib/import/wordpress/plan.ts";
import { formatReport } from "../../lib/import/wordpress/report.ts";
import { parseRedirects, checkRedirectRules, redirectProblems } from "../../lib/content/redirects.ts";
import { ContentError } from "../../lib/content/problems.ts";
import { postSchema, pageSchema } from "../../lib/schema/content.ts";
import { commentSchema } from "../../lib/schema/comment.ts";
import { renderMarkdown } from "../../lib/markdown/index.ts";
import { renderComment } from "../../lib/comments/markdown.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/wordpress");
const XML = readFileSync(path.join(FIXTURES, "export.xml"), "utf8");
const PROVIDERS = [
  { slug: "maya-okafor", name: "Dr. Maya Okafor" },
  { slug: "daniel-reyes", name: "Dr. Daniel Reyes" },
  { slug: "priya-natarajan", name: "Priya Natarajan" },
];
const ZONE = "America/Los_Angeles";

function plan(opts: { media?: boolean } = {}): ImportPlan {
  return planImport(parseWxr(XML), {
    zone: ZONE,
    providers: PROVIDERS,
    mediaExists: opts.media === false ? undefined : (rel) => existsSync(path.join(FIXTURES, "uploads", rel)),
  });
}

function file(p: ImportPlan, name: string) {
  const f = p.files.find((x) => x.path === name);
  assert.ok(f, `no ${name} in ${p.files.map((x) => x.path).join(", ")}`);
  return matter(f.text);
}

test("WXR: reads the channel, authors, terms, items and comments", () => {
  const wxr = parseWxr(XML);
  assert.equal(wxr.version, "1.2");
  assert.equal(wxr.siteUrl, "https://juniperhillpeds.example");
  assert.deepEqual(
    wxr.authors.map((a) => a.displayName),
    ["Dr. Maya Okafor", "Front Desk Team", "Daniel Reyes, MD"],
  );
  const flu = wxr.items.find((i) => i.id === 101)!;
  assert.equal(flu.title, "Flu shots are here for 2024 – walk in on Saturdays");
  assert.equal(flu.meta._thumbnail_id, "201");
  assert.equal(flu.comments.length, 12);
  assert.deepEqual(
    flu.terms.map((t) => `${t.domain}:${t.nicename}`),
    ["category:vaccines", "post_tag:flu"],
  );
  const vacunas = wxr.items.find((i) => i.id === 103)!;
  assert.equal(vacunas.slug, "予防接種-vacunas");
  assert.equal(
    wxr.items.find((i) => i.id === 202)!.attachmentUrl,
    "https://juniperhillpeds.example/wp-content/uploads/2024/06/sunscreen-scaled.jpg",
  );
});

test("WXR: commenters' emails, IP addresses and web sites are never read", () => {
  const json = JSON.stringify(parseWxr(XML));
  for (const secret of [
    "rachel.parent@mail.example",
    "203.0.113.45",
    "rachels-blog.example",
    "javascript:alert(document.cookie)",
    "maya.okafor@juniperhillpeds.example",
  ]) {
    assert.ok(!json.includes(secret), secret);
  }
});

test("WXR: a truncated file, an RSS feed, an unknown version and an empty file are refused with a plain message", () => {
  const cases: [string, RegExp][] = [
    ["truncated.xml", /not a complete XML file \(line \d+.*cut off/],
    ["rss-feed.xml", /an RSS feed, not a WordPress export/],
    ["unknown-version.xml", /version 9\.0, which this importer does not know/],
  ];
  for (const [name, message] of cases) {
    assert.throws(
      () => parseWxr(readFileSync(path.join(FIXTURES, name), "utf8"), name),
      (err: unknown) => err instanceof WxrError && message.test(err.message) && err.message.startsWith(name),
    );
  }
  assert.throws(() => parseWxr("", "x.xml"), /x\.xml is empty/);
  assert.throws(() => parseWxr("<html><body>hi</body></html>", "x.xml"), /not a WordPress export/);
});

test("HTML → Markdown: classic editor paragraphs, line breaks, lists, headings, tables, code", () => {
  const md = htmlToMarkdown(
    'First line\nsecond line\n\n<h1>Big</h1><h4>Small</h4>\n\n<ol start="3"><li>three</li><li>four<ul><li>nested</li></ul></li></ol>\n\n<pre><code>a &lt; b\n  c</code></pre>\n\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2|3</td></tr></table>',
  ).markdown;
  assert.equal(
    md,
    "First line\\\nsecond line\n\n## Big\n\n#### Small\n\n3. three\n4. four\n   - nested\n\n```\na < b\n  c\n```\n\n| A | B |\n| --- | --- |\n| 1 | 2\\|3 |\n",
  );
});

test("HTML → Markdown: text that looks like Markdown or HTML stays text", () => {
  const md = htmlToMarkdown(
    '<p>* star, _under_, [brackets](x), &lt;b&gt;tag&lt;/b&gt;, &amp;copy;</p><p># not a heading</p><p>1. not a list</p><p>{title="x"}</p>',
  ).markdown;
  const html = renderMarkdown(md).html;
  assert.doesNotMatch(html, /<(b|h\d|ol|li|em)\b/);
  assert.match(html, /\* star, _under_, \[brackets\]\(x\), &lt;b&gt;tag&lt;\/b&gt;, &amp;copy;/);
  assert.match(html, /# not a heading/);
  assert.equal(escapeMarkdown("see https://example.org/a_b_c now_"), "see https://example.org/a_b_c now\\_");
});

test("HTML → Markdown: [caption], [embed], [gallery], iframes and blocks", () => {
  const r = htmlToMarkdown(
    `<!-- wp:paragraph --><p>Intro text here.</p><!-- /wp:paragraph -->
[caption id="attachment_5" width="300"]<a href="https://old.example/wp-content/uploads/a.jpg"><img src="https://old.example/wp-content/uploads/a-300x200.jpg" alt="" /></a> The line at 8am[/caption]
[embed]https://vimeo.com/76979871[/embed]
<!-- wp:embed {"url":"https://youtu.be/dQw4w9WgXcQ"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://youtu.be/dQw4w9WgXcQ
</div></figure><!-- /wp:embed -->
<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30"></iframe>
<iframe src="https://maps.example/embed"></iframe>
[gallery ids="7"] [contact-form-7 id="1"] [[not-a-shortcode]] [sic]
<!-- wp:acme/widget --><div>Widget text</div><!-- /wp:acme/widget -->`,
    {
      image: ({ src, alt, caption }) => ({ src: `./${src.split("/").pop()}`, alt: alt || caption || "none" }),
      attachment: (id) => (id === 7 ? { url: "https://old.example/wp-content/uploads/g.jpg", alt: "Gallery photo" } : undefined),
    },
  );
  const lines = r.markdown.split("\n\n");
  assert.equal(lines[0], "Intro text here.");
  assert.equal(lines[1], "![The line at 8am](./a-300x200.jpg)");
  assert.equal(lines[2], "*The line at 8am*");
  assert.equal(lines[3], "https://vimeo.com/76979871");
  assert.equal(lines[4], "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  assert.equal(lines[5], "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s");
  assert.ok(r.markdown.includes("![Gallery photo](./g.jpg)"));
  assert.ok(r.markdown.includes("\\[not-a-shortcode\\] \\[sic\\]"), r.markdown);
  assert.ok(r.markdown.includes("Widget text"));
  assert.equal(r.firstParagraph, "Intro text here.");
  assert.deepEqual(r.notes.sort(), [
    "an embedded frame from maps.example was removed (only YouTube and Vimeo are kept)",
    'block "acme/widget" (from a plugin) was converted as plain text: check it',
    "shortcode [contact-form-7] could not be converted and was removed",
  ]);
  // The video lines render as the privacy facade.
  assert.match(renderMarkdown(r.markdown).html, /data-third-party="vimeo"/);
});

test("HTML → Markdown: hostile markup becomes inert text or disappears, and is listed", () => {
  const hostile = `<script>alert(1)</script><style>body{display:none}</style>
<p onclick="x()">Hi <a href="javascript:alert(1)">js</a> <a href=" JaVa&#x09;ScRiPt:alert(2)">tab</a> <a href="data:text/html,<script>">data</a>
<img src="x" onerror="alert(3)"> <svg onload="alert(4)"></svg> <form action="https://evil.example"><input name="q"></form>
<iframe src="https://evil.example/"></iframe><object data="x.swf"></object> &lt;script&gt;alert(5)&lt;/script&gt;</p>`;
  const r = htmlToMarkdown(hostile, { image: () => ({ drop: "no image" }) });
  const html = renderMarkdown(r.markdown).html;
  assert.doesNotMatch(html, /<(script|style|svg|form|input|iframe|object|img)\b/i);
  assert.doesNotMatch(html, /\son\w+=|javascript:|data:text/i);
  assert.match(html, /&lt;script&gt;alert\(5\)&lt;\/script&gt;/);
  for (const note of ["<script> removed", "<style> removed", "<svg> removed", "<form> removed", "<object> removed"])
    assert.ok(r.notes.includes(note), note);
  assert.ok(r.notes.some((n) => n.includes('"javascript:alert(1)"')));
  assert.ok(r.notes.some((n) => n.includes("data:text/html")));
});

test("HTML → Markdown: anchors keep their ids, cleaned, unique and never the page's own; links within the post follow", () => {
  const html = `<p>Jump to <a href="#dosage">how much</a>, <a href="#Our_team">the team</a>, <a href="#Dosis%20pedi%C3%A1trica">la dosis</a> or <a href="#gone">nowhere</a>.</p>
<h2 id="dosage">How much to give</h2>
<h2><span class="ez-toc-section" id="Our_team"></span>Our team<span class="ez-toc-section-end"></span></h2>
<h3><a name="old-name">Named the old way</a></h3>
<h3 id="Dosis pediátrica">Dosis {#fake}</h3>
<h3 id="dosage">The same id again</h3>
<h3 id="comments">Your questions</h3>
<p><a name="reapply"></a>Reapply every two hours.</p>
<ul><li id="step-1">First</li></ul>
<p>Pasted <b id="docs-internal-guid-3f2a">from Docs</b>.</p>`;
  assert.deepEqual(Object.fromEntries(anchorIds(html)), {
    dosage: "dosage",
    Our_team: "Our_team",
    "old-name": "old-name",
    "Dosis pediátrica": "Dosis-pediatrica",
    comments: "wp-comments",
    reapply: "reapply",
    "step-1": "step-1",
  });
  const r = htmlToMarkdown(html);
  assert.equal(
    r.markdown,
    [
      "Jump to [how much](#dosage), [the team](#Our_team), [la dosis](#Dosis-pediatrica) or nowhere.",
      "## How much to give {#dosage}",
      "## Our team {#Our_team}",
      "### Named the old way {#old-name}",
      "### Dosis \\{#fake} {#Dosis-pediatrica}",
      "### The same id again",
      "### Your questions {#wp-comments}",
      "[]{#reapply}Reapply every two hours.",
      "- []{#step-1}First",
      "Pasted **from Docs**.",
    ].join("\n\n") + "\n",
  );
  assert.deepEqual(r.notes, ['a link to "#gone" points at nothing on the page: its text is kept without the link']);
  // Rendered: every id once, every same-page link lands, the text never shows the syntax.
  const rendered = renderMarkdown(r.markdown);
  assert.deepEqual(rendered.problems, []);
  const ids = [...rendered.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  assert.deepEqual(ids, ["dosage", "Our_team", "old-name", "Dosis-pediatrica", "wp-comments", "reapply", "step-1"]);
  for (const m of rendered.html.matchAll(/href="#([^"]+)"/g)) assert.ok(ids.includes(m[1]!), m[1]);
  assert.match(rendered.html, /<h3 id="Dosis-pediatrica">Dosis \{#fake\}<\/h3>/);
  assert.doesNotMatch(rendered.html, /\[\]\{#/);
  // Comments carry no anchors (their renderer has none), and ids are only ever letters, digits, - and _.
  assert.equal(htmlToMarkdown('<h2 id="x">Hi</h2><p><a name="y"></a>there</p>', { comment: true }).markdown, "**Hi**\n\nthere\n");
  assert.equal(cleanAnchorId(' "><script>alert(1)</script> '), "script-alert-1-script");
  assert.equal(cleanAnchorId("¿¡!?"), "");
});

test("HTML → Markdown: links to uploaded documents go to their copies; a missing one keeps its text", () => {
  const html = `<!-- wp:file {"id":205} -->
<div class="wp-block-file"><a id="wp-block-file--media-1" href="https://old.example/wp-content/uploads/2024/10/form.pdf">Consent form</a><a href="https://old.example/wp-content/uploads/2024/10/form.pdf" class="wp-block-file__button wp-element-button" download>Download</a><object class="wp-block-file__embed" data="https://old.example/wp-content/uploads/2024/10/form.pdf" type="application/pdf"></object></div>
<!-- /wp:file -->
<!-- wp:paragraph --><p>Bring the <a href="https://old.example/wp-content/uploads/2024/10/gone.docx">checklist</a> and read <a href="https://old.example/wp-content/uploads/2024/10/form.pdf#page=2">page 2</a>.</p><!-- /wp:paragraph -->`;
  const r = htmlToMarkdown(html, {
    file: (href) => {
      if (href.includes("form.pdf")) return { href: `/uploads/2024/10/form.pdf${href.includes("#") ? href.slice(href.indexOf("#")) : ""}` };
      if (href.includes("gone.docx")) return { drop: "file 2024/10/gone.docx is not in the media folder" };
      return undefined;
    },
  });
  assert.equal(
    r.markdown,
    "[Consent form](/uploads/2024/10/form.pdf)\n\nBring the checklist and read [page 2](/uploads/2024/10/form.pdf#page=2).\n",
  );
  assert.deepEqual(r.notes, ["file 2024/10/gone.docx is not in the media folder"]);
});

test("dates: GMT converted to the practice's zone; local time when GMT is zero; impossible dates refused", () => {
  assert.equal(wpDate("2024-10-01 15:30:00", "2024-10-01 08:30:00", ZONE), "2024-10-01T08:30");
  assert.equal(wpDate("2024-01-15 03:00:00", "", ZONE), "2024-01-14T19:00");
  assert.equal(wpDate("2024-10-01 15:30:00", "", "America/New_York"), "2024-10-01T11:30");
  assert.equal(wpDate("0000-00-00 00:00:00", "2024-11-02 09:15:00", ZONE), "2024-11-02T09:15");
  assert.equal(wpDate("2023-02-30 16:00:00", "2023-02-30 08:00:00", ZONE), undefined);
  assert.equal(wpDate("", "yesterday", ZONE), undefined);
});

test("helpers: provider names and resized upload names", () => {
  assert.equal(personKey("Dr. Maya Okafor"), "maya okafor");
  assert.equal(personKey("Daniel Reyes, MD"), "daniel reyes");
  assert.equal(personKey("Ana López"), "ana lopez");
  assert.deepEqual(uploadPath("https://x.example/wp-content/uploads/2024/10/a-300x200.jpg?resize=1"), {
    rel: "2024/10/a-300x200.jpg",
    original: "2024/10/a.jpg",
  });
  assert.equal(uploadPath("https://x.example/wp-content/uploads/2024/06/s-scaled.jpg")!.original, "2024/06/s.jpg");
  assert.equal(uploadPath("https://x.example/wp-content/uploads/../../etc/passwd"), undefined);
  assert.equal(uploadPath("https://cdn.example/photo.jpg"), undefined);
});

test("plan: posts with valid front matter, drafts, private, scheduled and the report's counts", () => {
  const p = plan();
  assert.deepEqual(p.report.counts, {
    posts: 6,
    drafts: 2,
    privatePosts: 1,
    scheduled: 1,
    pages: 2,
    comments: 11,
    media: 4,
    redirects: p.redirects.length,
  });
  for (const f of p.files.filter((x) => x.path.startsWith("blog/"))) {
    const r = postSchema.safeParse(matter(f.text).data);
    assert.ok(r.success, `${f.path}: ${JSON.stringify(r.error?.issues)}`);
  }
  for (const f of p.files.filter((x) => x.path.startsWith("pages/"))) assert.ok(pageSchema.safeParse(matter(f.text).data).success, f.path);

  const flu = file(p, "blog/2024-10-01-flu-shots-2024.md");
  assert.deepEqual(flu.data, {
    title: "Flu shots are here for 2024 – walk in on Saturdays",
    date: "2024-10-01T08:30",
    description:
      "Our Saturday flu clinics start this week at the North office. Every child 6\u00a0months and older should get a flu shot each year — it’s the best protection we have.",
    tags: ["Vaccines", "flu"],
    author: "maya-okafor",
    image: "./flu-clinic.jpg",
    imageAlt: "Nurse giving a flu shot to a smiling toddler",
    comments: "open",
  });
  assert.match(flu.content, /^## What to bring$/m);
  assert.match(flu.content, /^https:\/\/www\.youtube\.com\/watch\?v=JHPvacc2026$/m);
  // Resized image → the original beside the post, alt text from the media library.
  assert.match(flu.content, /^!\[Nurse giving a flu shot to a smiling toddler\]\(\.\/flu-clinic\.jpg\)$/m);
  // Links to the old site now point at the new addresses, anchors kept.
  assert.match(flu.content, /\[North office\]\(\/about-us\/\)/);
  assert.match(flu.content, /\[our sun safety tips\]\(\/blog\/sun-safety\/\)/);
  assert.match(flu.content, /\[which SPF to use\]\(\/blog\/sun-safety\/#spf\)/);

  const sun = file(p, "blog/2024-06-10-sun-safety.md");
  assert.equal(sun.data.description, "Shade, hats and the right sunscreen: what actually protects your child's skin this summer.");
  assert.equal(sun.data.author, "daniel-reyes");
  assert.equal(sun.data.comments, "closed");
  assert.match(sun.content, /^!\[Parent rubbing sunscreen on a child's shoulders at the beach\]\(\.\/sunscreen\.jpg\)$/m);
  assert.match(sun.content, /^https:\/\/vimeo\.com\/76979871$/m);
  assert.match(sun.content, /^https:\/\/youtu\.be\/dQw4w9WgXcQ$/m);
  assert.match(sun.content, /\[flu shot post\]\(\/blog\/flu-shots-2024\/\) too, or \[this short link\]\(\/blog\/flu-shots-2024\/\)/);

  const vacunas = file(p, "blog/2023-05-01-vacunas.md");
  assert.equal(vacunas.data.title, "Vacunas: ¿qué esperar en la visita de los 12 meses? 予防接種");
  assert.equal(vacunas.data.author, undefined);

  assert.equal(file(p, "blog/2031-01-15-new-office-hours-2031.md").data.draft, undefined);
  const draft = file(p, "blog/2024-11-02-draft-rsv-shots-for-babies.md");
  assert.equal(draft.data.draft, true);
  assert.equal(draft.data.date, "2024-11-02T09:15");
  assert.equal(file(p, "blog/2024-11-15-staff-holiday-coverage.md").data.draft, true);
  assert.equal(file(p, "pages/vaccine-schedule.md").data.title, "Vaccine schedule");

  assert.deepEqual(p.media.map((m) => `${m.from} → ${m.to}`).sort(), [
    "2024/06/sunscreen.jpg → blog/sunscreen.jpg",
    "2024/10/chart.png → blog/chart.png",
    "2024/10/flu-clinic.jpg → blog/flu-clinic.jpg",
    "2024/10/flu-consent-form.pdf → uploads/2024/10/flu-consent-form.pdf",
  ]);

  const skipped = p.report.skipped.map((s) => `${s.item}: ${s.message}`).join("\n");
  assert.match(skipped, /“Leap day checkups” \(id 107\): not imported: its date "2023-02-30 16:00:00" is not a date/);
  assert.match(skipped, /“Old flu post” \(id 121\): not imported: it is in the trash/);
  assert.match(skipped, /page “Blog” \(id 112\): not imported: the page is empty/);
  const review = p.report.review.map((s) => `${s.item}: ${s.message}`).join("\n");
  assert.match(review, /\(id 101\): image \.\/chart\.png has no alt text, so it was left out/);
  assert.match(review, /\(id 103\): image 2023\/05\/lost-photo\.jpg is not in the media folder/);
  assert.match(review, /\(id 106\): it was private on WordPress/);
  assert.match(review, /\(id 102\): shortcode \[contact-form-7\] could not be converted/);
  assert.match(review, /\(id 101\): an embedded frame from tracker\.example was removed/);
  assert.match(review, /author “Front Desk Team”: matches no provider/);
  assert.deepEqual(p.report.commentsSkipped, { spam: 1, pending: 1, pingback: 1, trash: 1 });
});

test("plan: linked documents are copied into uploads/ and linked there; a missing one is listed and keeps its text", () => {
  const p = plan();
  const flu = file(p, "blog/2024-10-01-flu-shots-2024.md");
  assert.match(flu.content, /^\[Flu shot consent form\]\(\/uploads\/2024\/10\/flu-consent-form\.pdf\)$/m);
  assert.doesNotMatch(flu.content, /Download|wp-content|wp-block-file/);
  const schedule = file(p, "pages/vaccine-schedule.md");
  assert.match(schedule.content, /^Missed a shot\? Print the catch-up schedule and bring it along\.$/m);
  assert.doesNotMatch(schedule.content, /wp-content|\]\(/);
  const review = p.report.review.map((s) => `${s.item}: ${s.message}`);
  assert.ok(
    review.includes(
      "page “Vaccine schedule” (id 111): file 2021/01/catch-up-schedule.docx is not in the media folder, so the link was removed, its text is kept: find it, put it in content/uploads/ and link it again",
    ),
    review.join("\n"),
  );
  // The old file address goes to the copy; the attachment's page still to the post.
  const map = new Map(p.redirects.map((r) => [r.from, r.to]));
  assert.equal(map.get("/wp-content/uploads/2024/10/flu-consent-form.pdf"), "/uploads/2024/10/flu-consent-form.pdf");
  assert.equal(map.get("/2024/10/flu-shots-2024/flu-consent-form/"), "/blog/flu-shots-2024/");
  assert.equal(map.has("/wp-content/uploads/2021/01/catch-up-schedule.docx"), false);

  // Without --media-dir nothing is copied and the link is not left pointing at the old site.
  const bare = plan({ media: false });
  assert.ok(!bare.media.some((m) => m.to.startsWith("uploads/")));
  assert.match(file(bare, "blog/2024-10-01-flu-shots-2024.md").content, /^Flu shot consent form$/m);
  assert.ok(
    bare.report.review.some(
      (r) => r.item.includes("(id 101)") && /file 2024\/10\/flu-consent-form\.pdf left out .*--media-dir/.test(r.message),
    ),
  );

  // Only documents are copied: never a web page or a script from the uploads folder.
  const xml = `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://x.example</link><wp:wxr_version>1.2</wp:wxr_version>
    <item><title>Forms</title><link>https://x.example/forms/</link><wp:post_id>1</wp:post_id><wp:post_date>2024-01-02 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-02 18:00:00</wp:post_date_gmt>
    <wp:post_name>forms</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type><content:encoded><![CDATA[<p>Our <a href="/wp-content/uploads/2024/01/Intake%20Form%20(v2).PDF">intake form</a>, <a href="https://x.example/wp-content/uploads/2024/01/intake%20form%20(v2).pdf">again</a>, <a href="https://x.example/wp-content/uploads/2024/01/page.html">a page</a>, <a href="https://other.example/wp-content/uploads/2024/01/theirs.pdf">theirs</a>, a <a href="https://x.example/wp-content/uploads/2024/01/photo.jpg">photo</a>.</p>]]></content:encoded></item></channel></rss>`;
  const forms = planImport(parseWxr(xml), { zone: ZONE, providers: [], mediaExists: () => true });
  assert.equal(
    matter(forms.files[0]!.text).content,
    "Our [intake form](/uploads/2024/01/Intake-Form-v2.PDF), [again](/uploads/2024/01/intake-form-v2-2.pdf), a page, [theirs](https://other.example/wp-content/uploads/2024/01/theirs.pdf), a photo.\n",
  );
  // A link to the old site's photo that no post shows: after the move it leads nowhere, so it is removed and listed.
  assert.ok(
    forms.report.review.some((r) =>
      r.message.startsWith("a link to the old site's /wp-content/uploads/2024/01/photo.jpg was removed, its text is kept"),
    ),
  );
  assert.deepEqual(forms.media, [
    { from: "2024/01/Intake Form (v2).PDF", to: "uploads/2024/01/Intake-Form-v2.PDF" },
    { from: "2024/01/intake form (v2).pdf", to: "uploads/2024/01/intake-form-v2-2.pdf" },
  ]);
  assert.ok(forms.report.review.some((r) => /page\.html was removed, its text is kept: only documents/.test(r.message)));
  assert.equal(documentPath("2019/05/Formulário de consentimento.pdf"), "uploads/2019/05/Formulario-de-consentimento.pdf");
});

test("plan: anchors from the old HTML stay, and links to them from other posts follow", () => {
  const p = plan();
  const sun = file(p, "blog/2024-06-10-sun-safety.md");
  assert.match(sun.content, /^### Which SPF\? \{#spf\}$/m);
  assert.match(sun.content, /^\[\]\{#reapply\}Reapply every two hours, and after swimming, whatever \[the SPF\]\(#spf\)\.$/m);
  assert.match(sun.content, /\[when to reapply\]\(#reapply\)/);
  assert.match(file(p, "pages/about-us.md").content, /^## Our team \{#Our_team\}$/m);
  const vacunas = file(p, "blog/2023-05-01-vacunas.md");
  // WordPress's own #comments, a contents plugin's anchor, and one that no longer exists (the link stays, without it).
  assert.match(
    vacunas.content,
    /\[comentarios\]\(\/blog\/flu-shots-2024\/#comments\), conozca a \[nuestro equipo\]\(\/about-us\/#Our_team\) o vea el \[mapa\]\(\/about-us\/\)\./,
  );
  assert.ok(
    p.report.review.some(
      (r) =>
        r.item.includes("(id 103)") &&
        r.message === "a link to /about-us/#map names no anchor on that page: it now goes to the top of the page",
    ),
  );
  // The file block's own id is WordPress's, not an editor's: it is not carried.
  assert.doesNotMatch(file(p, "blog/2024-10-01-flu-shots-2024.md").content, /\{#/);
});

test("plan: comments keep their threads; staff replies are the provider's; no private details", () => {
  const p = plan();
  const comments = p.files.filter((f) => f.path.startsWith("comments/"));
  assert.equal(comments.length, 11);
  const byBody = new Map(comments.map((f) => [matter(f.text).content.trim(), { path: f.path, data: matter(f.text).data }]));
  const id = (body: string) => path.basename(byBody.get(body)!.path, ".md");
  for (const f of comments) {
    const r = commentSchema.safeParse(matter(f.text).data);
    assert.ok(r.success, `${f.path}: ${JSON.stringify(r.error?.issues)}`);
    for (const secret of ["@mail.example", "203.0.113", "198.51.100", "rachels-blog", "spam.example", "impostor"])
      assert.ok(!f.text.includes(secret), `${f.path} has ${secret}`);
  }
  const first = byBody.get("Do we need an appointment for the Saturday clinic?\\\nOur son is 7 months old.")!;
  assert.deepEqual(first.data, { author: "Rachel M.", date: "2024-10-01T19:14", wordpressId: 501 });
  assert.match(first.path, /^comments\/flu-shots-2024\/2024-10-01-[0-9a-f]{8}\.md$/);
  const reply = [...byBody.entries()].find(([b]) => b.startsWith("No appointment needed"))!;
  assert.deepEqual(reply[1].data, {
    date: "2024-10-02T08:05",
    replyTo: id("Do we need an appointment for the Saturday clinic?\\\nOur son is 7 months old."),
    provider: "maya-okafor",
    wordpressId: 502,
  });
  assert.equal(byBody.get("Thank you! See you Saturday.")!.data.replyTo, path.basename(reply[1].path, ".md"));
  // A reply to a spam comment stands alone; a visitor using a provider's name is not the provider.
  assert.equal(byBody.get("Please don't click links like that one above.")!.data.replyTo, undefined);
  assert.deepEqual(byBody.get("A visitor who typed a provider's name: not a reply from the practice.")!.data, {
    author: "Dr. Maya Okafor",
    date: "2024-10-08T10:00",
    wordpressId: 510,
  });
  // Zero GMT date: the local one. Replies from a WordPress user matching a provider.
  assert.equal(byBody.get("¡Gracias! ¿Sirve el protector solar en spray para bebés?")!.data.date, "2024-06-18T17:22");
  assert.equal(
    [...byBody.values()].find((c) => c.data.provider === "daniel-reyes")?.data.replyTo,
    id("¡Gracias! ¿Sirve el protector solar en spray para bebés?"),
  );
  // The same export gives the same files.
  assert.deepEqual(plan().files, p.files);
});

test("plan: old comment links (#comment-501) land on the imported comment; every imported comment keeps its number", () => {
  const p = plan();
  const comments = p.files.filter((f) => f.path.startsWith("comments/"));
  const byWp = new Map(
    comments.map((f) => [
      matter(f.text).data.wordpressId as number,
      { id: path.basename(f.path, ".md"), post: f.path.split("/")[1], body: matter(f.text).content },
    ]),
  );
  // Every imported comment carries its old number, once per post, and none is another comment's id.
  assert.deepEqual([...byWp.keys()].sort(), [501, 502, 503, 507, 509, 510, 511, 512, 520, 521, 522]);
  for (const c of byWp.values())
    assert.match(c.id, /^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/, "a new id is never a bare number, so #comment-501 cannot clash with one");
  const anchor = (wp: number) => `#comment-${byWp.get(wp)!.id}`;
  // From another post (by its old address, a comment page, ?p=), and within the post; a comment not imported → the comments.
  const sun = file(p, "blog/2024-06-10-sun-safety.md");
  assert.ok(
    sun.content.includes(
      `Two doses for babies? See [Dr. Okafor's answer](/blog/flu-shots-2024/${anchor(502)}) (or [the question](/blog/flu-shots-2024/${anchor(501)})), [Ana's question](${anchor(520)}) below, or the [removed comment](/blog/flu-shots-2024/#comments).`,
    ),
    sun.content,
  );
  assert.ok(
    p.report.review.some(
      (r) =>
        r.item.includes("(id 102)") &&
        r.message.startsWith("a link to /blog/flu-shots-2024/#comment-504 names comment 504, which was not imported"),
    ),
  );
  // From comments: the same post's and another post's comments.
  assert.ok(byWp.get(511)!.body.includes(`see [my answer above](${anchor(502)}).`), byWp.get(511)!.body);
  assert.ok(byWp.get(512)!.body.includes(`Also useful: [the sunscreen answer](/blog/sun-safety/${anchor(521)}).`), byWp.get(512)!.body);
  // Old comment pages (/post/comment-page-2/#comment-501) go to the post.
  const map = new Map(p.redirects.map((r) => [r.from, r.to]));
  assert.equal(map.get("/2024/10/flu-shots-2024/comment-page-*"), "/blog/flu-shots-2024/");
  assert.equal(map.has("/?p=101comment-page-*"), false);
  // The rendered comment links work: site paths and comment anchors are links, with the host's prefix.
  const html = renderComment(byWp.get(512)!.body, { prefix: "/clinic" }).html;
  assert.match(html, new RegExp(`<a href="/clinic/blog/sun-safety/${anchor(521)}" rel="nofollow ugc noopener">the sunscreen answer</a>`));
});

test("plan: a comment its rewritten links push over the limit is left out, and links to it go to the post's comments", () => {
  const cm = (id: number, parent: number, text: string) =>
    `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>P${id}</wp:comment_author><wp:comment_date>2024-01-03 10:00:00</wp:comment_date><wp:comment_date_gmt>2024-01-03 18:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
  // 4,984 characters as written; each #comment-1 becomes #comment-2024-01-03-…, 19 characters longer.
  const long = `${"x".repeat(4920)} ${Array.from({ length: 4 }, () => '<a href="#comment-1">a</a>').join(" ")}`;
  const xml = `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://x.example</link><wp:wxr_version>1.2</wp:wxr_version>
    <item><title>Flu</title><link>https://x.example/2024/01/flu/</link><wp:post_id>1</wp:post_id><wp:post_date>2024-01-02 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-02 18:00:00</wp:post_date_gmt><wp:post_name>flu</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status>
    <content:encoded><![CDATA[<p>See <a href="#comment-2">the long one</a> and <a href="#comment-1">the first</a>.</p>]]></content:encoded>${cm(1, 0, "First.")}${cm(2, 0, long)}${cm(3, 2, 'Reply to <a href="#comment-2">it</a>.')}</item></channel></rss>`;
  const p = planImport(parseWxr(xml), { zone: ZONE, providers: [] });
  assert.deepEqual(
    p.files.map((f) => f.path),
    ["blog/2024-01-02-flu.md", "comments/flu/2024-01-03-50a709d4.md", "comments/flu/2024-01-03-a6172271.md"],
  );
  assert.equal(matter(p.files[0]!.text).content, "See [the long one](#comments) and [the first](#comment-2024-01-03-50a709d4).\n");
  const reply = matter(p.files[2]!.text);
  assert.deepEqual([reply.data, reply.content], [{ author: "P3", date: "2024-01-03T10:00", wordpressId: 3 }, "Reply to it.\n"]);
  assert.deepEqual(
    p.report.skipped.map((s) => `${s.item}: ${s.message}`),
    ["comment 2 by “P2” on “Flu”: 5056 characters long; the site shows at most 5000"],
  );
  assert.deepEqual(p.report.commentsSkipped, { "too long": 1 });
});

test("plan: documents linked from comments go to the copy a post brings; a file only a comment links is never copied and is listed", () => {
  const p = plan();
  const comments = p.files.filter((f) => f.path.startsWith("comments/"));
  const body = (wp: number) => matter(comments.find((f) => matter(f.text).data.wordpressId === wp)!.text).content;
  assert.match(body(511), /^Reminder for Saturday: bring the signed \[consent form\]\(\/uploads\/2024\/10\/flu-consent-form\.pdf\)\./);
  // In the media folder, but linked only from a visitor's comment: not copied, the text kept without the link, listed.
  assert.match(body(512), /^Thanks! I filled in the checklist the office emailed me\. /);
  assert.ok(!p.media.some((m) => m.from.includes("saturday-checklist")), "never copied");
  assert.ok(!p.redirects.some((r) => r.from.includes("saturday-checklist")), "and never given an address");
  assert.ok(
    p.report.review.some(
      (r) =>
        r.item.startsWith("comment 512 by “Priya S.”") &&
        r.message.startsWith(
          "a link to the uploaded file 2024/10/saturday-checklist-priya.pdf was removed, its text is kept: a file linked only from a comment is never copied",
        ),
    ),
    p.report.review.map((r) => `${r.item}: ${r.message}`).join("\n"),
  );
  // No comment links to the old site's uploads, with or without --media-dir.
  for (const q of [p, plan({ media: false })])
    for (const f of q.files.filter((x) => x.path.startsWith("comments/")))
      assert.doesNotMatch(f.text, /wp-content|juniperhillpeds\.example/, f.path);
  // Without --media-dir nothing is copied, so the consent form's link in the comment goes too (its text stays).
  const bare = plan({ media: false });
  const bareBody = matter(bare.files.find((f) => f.path.startsWith("comments/") && matter(f.text).data.wordpressId === 511)!.text).content;
  assert.match(bareBody, /^Reminder for Saturday: bring the signed consent form\./);
});

test("plan: every old address in the fixture has a redirect, and none shadows a page of the new site", () => {
  const p = plan();
  const map = new Map(p.redirects.map((r) => [r.from, r.to]));
  const expected: Record<string, string> = {
    "/2024/10/flu-shots-2024/": "/blog/flu-shots-2024/",
    "/?p=101": "/blog/flu-shots-2024/",
    "/2024/06/sun-safety/": "/blog/sun-safety/",
    "/?p=102": "/blog/sun-safety/",
    "/2023/05/%e4%ba%88%e9%98%b2%e6%8e%a5%e7%a8%ae-vacunas/": "/blog/vacunas/",
    "/2023/05/%E4%BA%88%E9%98%B2%E6%8E%A5%E7%A8%AE-vacunas/": "/blog/vacunas/",
    "/?page_id=110": "/about-us/",
    "/about-us/vaccine-schedule/": "/vaccine-schedule/",
    "/?page_id=112": "/blog/",
    "/category/vaccines/": "/blog/tags/vaccines/",
    "/category/safety/": "/blog/tags/safety-and-injury-prevention/",
    "/category/uncategorized/": "/blog/",
    "/tag/flu/": "/blog/tags/flu/",
    "/tag/old-news/": "/blog/",
    "/author/mokafor/": "/providers/maya-okafor/",
    "/author/d-reyes/": "/providers/daniel-reyes/",
    "/author/frontdesk/": "/blog/",
    "/2024/10/flu-shots-2024/flu-clinic/": "/blog/flu-shots-2024/",
    "/?attachment_id=202": "/blog/sun-safety/",
    "/wp-content/uploads/2024/10/flu-clinic.jpg": "/blog/flu-shots-2024/",
    "/wp-content/uploads/2024/06/sunscreen.jpg": "/blog/sun-safety/",
    "/wp-content/uploads/*": "/blog/",
    "/page/*": "/blog/",
    "/2024/*": "/blog/",
    "/feed/": "/feed.xml",
    "/feed/*": "/feed.xml",
  };
  for (const [from, to] of Object.entries(expected)) assert.equal(map.get(from), to, from);
  // Drafts, private and scheduled posts never had a public address; the site's own pages are never redirected.
  for (const from of ["/?p=104", "/?p=105", "/2024/11/staff-holiday-coverage/", "/blog/", "/about-us/", "/blog/page/*"])
    assert.equal(map.has(from), false, from);
  // The file parses back to the same rules.
  const parsed = parseRedirects(redirectsFile(p.redirects, "export.xml"));
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.rules.length, p.redirects.length);
  assert.deepEqual(
    parsed.rules.find((r) => r.query === "p=101"),
    { from: "/", query: "p=101", to: "/blog/flu-shots-2024/", status: 301, line: 5 },
  );
});

test("plan: without --media-dir images are listed, not silently lost; the report says so", () => {
  const p = plan({ media: false });
  assert.equal(p.media.length, 0);
  assert.equal(p.report.counts.media, 0);
  const flu = file(p, "blog/2024-10-01-flu-shots-2024.md");
  assert.equal(flu.data.image, undefined);
  assert.doesNotMatch(flu.content, /!\[/);
  assert.ok(p.report.review.some((r) => /run the import with --media-dir/.test(r.message)));
  const text = formatReport(p.report, undefined, { source: "export.xml", dryRun: true, host: "cloudflare-pages" });
  assert.match(text, /^Dry run \(nothing written\) from export\.xml:/);
  assert.match(text, /6 posts \(2 as drafts, 1 of them private; 1 scheduled\), 2 pages, 11 comments, 0 media files/);
  assert.match(text, /\n\nNo --media-dir was given, so no photo or document was copied \(each is listed under "Media not copied"\)/);
  assert.match(
    text,
    /\n\nMedia not copied \(11\):\n  post “Flu shots are here for 2024 – walk in on Saturdays” \(id 101\): image 2024\/10\/flu-clinic\.jpg left out: run the import with --media-dir/,
  );
  assert.match(text, /\n\nComments left out \(4\): 1 spam, 1 pending, 1 pingback, 1 trash\n/);
  assert.match(text, /Cloudflare Pages cannot match \?p=123/);
  assert.match(text, /Commenters' email addresses, IP addresses and web sites were not copied/);
});

test("plan: pages never take the site's own addresses; two posts with one slug get two addresses", () => {
  const item = (
    id: number,
    type: string,
    slug: string,
  ) => `<item><title>Title ${id}</title><link>https://x.example/${slug}/</link><wp:post_id>${id}</wp:post_id>
    <wp:post_date>2024-01-0${id % 9 || 1} 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-0${id % 9 || 1} 18:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name>
    <wp:status>publish</wp:status><wp:post_type>${type}</wp:post_type><content:encoded><![CDATA[<p>Some words for page ${id} that are long enough.</p>]]></content:encoded></item>`;
  const xml = `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://x.example</link><wp:wxr_version>1.1</wp:wxr_version>
    ${item(1, "page", "privacy")}${item(2, "page", "es")}${item(3, "post", "flu")}${item(4, "post", "flu")}</channel></rss>`;
  const p = planImport(parseWxr(xml), { zone: ZONE, providers: [], reservedPages: ["en", "es"] });
  assert.deepEqual(p.files.map((f) => f.path).sort(), [
    "blog/2024-01-03-flu.md",
    "blog/2024-01-04-flu-2.md",
    "pages/es-page.md",
    "pages/privacy-page.md",
  ]);
  const map = new Map(p.redirects.map((r) => [r.from, r.to]));
  assert.equal(map.get("/privacy/"), undefined, "the site's privacy page is never redirected away");
  assert.equal(map.get("/?page_id=1"), "/privacy-page/");
  assert.equal(map.get("/?p=4"), "/blog/flu-2/");
});

test("the build's redirects: Netlify gets every rule, Cloudflare Pages loses only ?query rules, a bad line is named", async () => {
  const { mkdtemp, mkdir, writeFile, readFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { writeRedirects } = await import("../../lib/outputs/redirects.ts");
  const dir = await mkdtemp(path.join(tmpdir(), "pp-redirects-"));
  await mkdir(path.join(dir, "content/_data"), { recursive: true });
  await mkdir(path.join(dir, "out"));
  const source = "# old site\n/2024/10/flu/  /blog/flu/  301\n/  p=12  /blog/flu/  301\n/feed/*  /feed.xml\n";
  await writeFile(path.join(dir, "content/_data/redirects.txt"), source);
  await mkdir(path.join(dir, "out/blog/flu"), { recursive: true });
  await writeFile(path.join(dir, "out/blog/flu/index.html"), "<!doctype html><title>Flu</title>");
  await writeFile(path.join(dir, "out/feed.xml"), "<feed/>");
  assert.deepEqual(await writeRedirects(path.join(dir, "content"), path.join(dir, "out"), { host: "netlify", prefix: "" }), {
    rules: 3,
    stubs: 0,
  });
  assert.equal(
    await readFile(path.join(dir, "out/_redirects"), "utf8"),
    "/2024/10/flu/  /blog/flu/  301\n/  p=12  /blog/flu/  301\n/feed/*  /feed.xml  301\n",
  );
  assert.deepEqual(await writeRedirects(path.join(dir, "content"), path.join(dir, "out"), { host: "cloudflare-pages", prefix: "" }), {
    rules: 2,
    stubs: 0,
  });
  assert.doesNotMatch(await readFile(path.join(dir, "out/_redirects"), "utf8"), /p=12/);
  assert.deepEqual(await writeRedirects(path.join(dir, "content"), path.join(dir, "out"), { host: "s3", prefix: "/clinic" }), {
    rules: 0,
    stubs: 1,
  });
  assert.match(await readFile(path.join(dir, "out/2024/10/flu/index.html"), "utf8"), /url=\/clinic\/blog\/flu\//);
  await rm(path.join(dir, "out/_redirects"));
  // A bad file stops the build, every problem named with its line, nothing written.
  await writeFile(
    path.join(dir, "content/_data/redirects.txt"),
    "# moved\nold-page new-page\n/2024/10/flu/  /blog/flu/\n/2024/10/flu/  /blog/gone/  301\n/x/  /blog/gone/\n",
  );
  await assert.rejects(
    writeRedirects(path.join(dir, "content"), path.join(dir, "out"), { host: "netlify", prefix: "", root: dir }),
    (err: unknown) => {
      assert.ok(err instanceof ContentError);
      assert.deepEqual(
        err.problems.map((p) => `${p.file}: ${p.message.split(";")[0]}`),
        [
          'content/_data/redirects.txt:2: the old address must be a path on this site, starting with "/"',
          "content/_data/redirects.txt:4: the old address /2024/10/flu/ is already redirected on line 3",
          "content/_data/redirects.txt:5: the new address /blog/gone/ is no page or file of this site",
        ],
      );
      return true;
    },
  );
  assert.ok(!existsSync(path.join(dir, "out/_redirects")));
});

test("redirects file: each line's form, repeated old addresses and where each new address leads", () => {
  const text = [
    "# comment",
    "/a/  /b/",
    "/b/  https://example.org/x  302  external",
    "/c/  /d/  301!",
    "/  p=12  /e/  301",
    "/  p=12  /f/  301",
    "/  s=:q  /search/?q=:q  301",
    "/old/*  /new/:splat  301",
    "/g/  /h/  299",
    "/i/  //evil.example/  301",
    "/j/  p12  /k/  301",
    "/l/",
    "//m/  /n/",
    "/o/  ftp://example.org/  301",
    "/?p=3  /q/  301",
  ].join("\n");
  const { rules, problems } = parseRedirects(text);
  assert.deepEqual(
    rules.find((r) => r.from === "/c/"),
    { from: "/c/", query: undefined, to: "/d/", status: 301, force: true, line: 4 },
  );
  assert.deepEqual(
    problems.map((p) => `${p.line}: ${p.message.split(";")[0]}`),
    [
      "9: the status 299 is not one of 301, 302, 303, 307, 308, 404, 410, 451",
      '10: the new address must be a path on this site ("/blog/flu/") or a web address ("https://…")',
      "11: between the addresses only query parameters such as p=12 may stand",
      "12: there is no new address",
      '13: the old address must be a path on this site, starting with "/"',
      '14: the new address must be a path on this site ("/blog/flu/") or a web address ("https://…")',
      '15: an old address with a query is written with spaces: "/  p=12  /new/address/  301" for /?p=12',
    ],
  );
  assert.ok(problems.every((p) => p.message.includes('expected "/old/address/  /new/address/  301"')));
  const exists = new Set(["/b/", "/d/", "/e/", "/f/", "/search/"]);
  const checked = checkRedirectRules(rules, (p) => (exists.has(p) ? undefined : "is no page or file of this site"));
  assert.deepEqual(
    checked.map((p) => `${p.line}: ${p.message}`),
    ["6: the old address / with p=12 is already redirected on line 5; only the first rule is used, so remove one"],
  );
  // Without a way to look (the site could not be read), the form and repeats are still checked.
  assert.deepEqual(
    redirectProblems("/a/  /b/\n/a/  /c/\n", "content/_data/redirects.txt").map((p) => `${p.file}: ${p.message}`),
    ["content/_data/redirects.txt:2: the old address /a/ is already redirected on line 1; only the first rule is used, so remove one"],
  );
  assert.deepEqual(
    redirectProblems("/a/  /gone/\n", "r.txt", () => "is no page or file of this site").map((p) => p.file),
    ["r.txt:1"],
  );
});

test("plan: a title with line breaks, tabs and control characters becomes one clean line the schema accepts", () => {
  const xml = `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://x.example</link><wp:wxr_version>1.2</wp:wxr_version>
    <item><title>Flu&#9;shots&#10;are&#x2028;here </title><link>https://x.example/flu/</link><wp:post_id>1</wp:post_id><wp:post_date>2024-01-02 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-02 18:00:00</wp:post_date_gmt>
    <wp:post_name>flu</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>Book a flu shot for every child over six months old this week.</p>]]></content:encoded></item></channel></rss>`;
  const p = planImport(parseWxr(xml), { zone: ZONE, providers: [], mediaExists: () => true });
  assert.equal(matter(p.files[0]!.text).data.title, "Flu shots are here");
});

test("plan: a single site in a subfolder (https://x.example/news): old addresses, uploads and links keep the folder", () => {
  const xml = `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
    <link>https://x.example/news</link><wp:base_site_url>https://x.example/news</wp:base_site_url><wp:base_blog_url>https://x.example/news</wp:base_blog_url><wp:wxr_version>1.2</wp:wxr_version>
    <item><title>Chart</title><link>https://x.example/news/2019/10/flu/chart/</link><wp:post_id>7</wp:post_id><wp:post_date>2019-10-01 10:00:00</wp:post_date><wp:post_date_gmt>2019-10-01 17:00:00</wp:post_date_gmt>
      <wp:post_name>chart</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>12</wp:post_parent><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://x.example/news/wp-content/uploads/2019/10/chart.png</wp:attachment_url>
      <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Flu season chart</wp:meta_value></wp:postmeta></item>
    <item><title>Flu</title><link>https://x.example/news/2019/10/flu/</link><wp:post_id>12</wp:post_id><wp:post_date>2019-10-01 10:00:00</wp:post_date><wp:post_date_gmt>2019-10-01 17:00:00</wp:post_date_gmt>
      <wp:post_name>flu</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status>
      <content:encoded><![CDATA[<p>See <a href="https://x.example/news/hours/">our hours</a> and <a href="/news/2019/10/flu/#top">this</a>.</p><p><img src="https://x.example/news/wp-content/uploads/2019/10/chart-300x200.png" alt=""></p>]]></content:encoded></item>
    <item><title>Hours</title><link>https://x.example/news/hours/</link><wp:post_id>13</wp:post_id><wp:post_date>2019-10-01 10:00:00</wp:post_date><wp:post_date_gmt>2019-10-01 17:00:00</wp:post_date_gmt>
      <wp:post_name>hours</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type><content:encoded><![CDATA[<p>Open every weekday from eight to five.</p>]]></content:encoded></item>
  </channel></rss>`;
  const p = planImport(parseWxr(xml), { zone: ZONE, providers: [], mediaExists: (rel) => rel === "2019/10/chart.png" });
  const map = new Map(p.redirects.map((r) => [r.from, r.to]));
  assert.equal(map.get("/news/2019/10/flu/"), "/blog/flu/");
  assert.equal(map.get("/news/hours/"), "/hours/");
  assert.equal(map.get("/news/?p=12"), "/blog/flu/");
  assert.equal(map.get("/news/?page_id=13"), "/hours/");
  assert.equal(map.get("/news/2019/10/flu/chart/"), "/blog/flu/", "the attachment page");
  assert.equal(map.get("/news/wp-content/uploads/2019/10/chart.png"), "/blog/flu/");
  assert.equal(map.get("/news/"), "/blog/", "the blog's old front page");
  assert.equal(map.get("/news/feed/"), "/feed.xml");
  assert.equal(map.has("/2019/10/flu/"), false, "nothing outside the folder is claimed");
  const flu = file(p, "blog/2019-10-01-flu.md");
  assert.match(flu.content, /\[our hours\]\(\/hours\/\)/);
  assert.match(flu.content, /!\[Flu season chart\]\(\.\/chart\.png\)/, "the original upload, with the media library's alt text");
  assert.deepEqual(p.media, [{ from: "2019/10/chart.png", to: "blog/chart.png" }]);
  // Every line is one the build accepts.
  assert.deepEqual(parseRedirects(redirectsFile(p.redirects, "x.xml")).problems, []);
});

test("HTML → Markdown: a cover block's background without alt text is decoration: left out and listed; with alt text it is a picture", () => {
  const cover = (alt: string) =>
    `<!-- wp:cover --><div class="wp-block-cover"><img class="wp-block-cover__image-background wp-image-9" alt="${alt}" src="https://old.example/wp-content/uploads/2024/03/room.jpg"/><div class="wp-block-cover__inner-container"><p>Welcome</p></div></div><!-- /wp:cover -->`;
  const image = ({ src, alt }: { src: string; alt: string }) => ({
    src: `./${src.split("/").pop()}`,
    alt: alt || "from the media library",
  });
  const plain = htmlToMarkdown(cover(""), { image });
  assert.equal(plain.markdown, "Welcome\n");
  assert.deepEqual(plain.notes, [
    "image room.jpg was a cover block's background (decoration, no alt text): left out; add it with a description if it shows something parents need",
  ]);
  assert.equal(htmlToMarkdown(cover("Our bright waiting room"), { image }).markdown, "![Our bright waiting room](./room.jpg)\n\nWelcome\n");
});
