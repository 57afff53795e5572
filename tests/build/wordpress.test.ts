// Moving in from WordPress, end to end: import the fixture export into a fresh content
// folder, build it, and check what parents get: the posts, threaded comments, nothing
// live from hostile HTML, and a working redirect for every old address. Also: running the
// import again writes nothing, edited files are kept, and hosts without redirects get stubs;
// linked documents are published from content/uploads/, old anchors and old comment links
// (#comment-501) still land, and
// npm run check and the build both name a bad line of the redirects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";
import { buildInto, htmlFiles, makeContent, read, runCheck, DEMO, ROOT } from "../helpers.ts";
import { importWordPress, ImportFailure } from "../../lib/import/wordpress/run.ts";
import { parseWxr } from "../../lib/import/wordpress/wxr.ts";
import { parseRedirects, type RedirectRule } from "../../lib/content/redirects.ts";
import { checkLinks } from "../support/link-check.ts";
import { parse } from "node-html-parser";

const FIXTURES = path.join(ROOT, "tests/fixtures/wordpress");
const EXPORT = path.join(FIXTURES, "export.xml");
const MEDIA = path.join(FIXTURES, "uploads");
// 2026-09-21: after every fixture post but the one scheduled for 2031.
const EPOCH = 1790000000;

async function freshContent(): Promise<string> {
  // The demo's practice.yaml uses Netlify Forms, whose thank-you page must exist while comments are open.
  return makeContent({ "pages/comment-received.md": await readFile(path.join(DEMO, "content/pages/comment-received.md"), "utf8") });
}

/** The old site's public addresses, read from the export itself. */
function oldAddresses(): string[] {
  const wxr = parseWxr(XML_TEXT);
  const out = new Set<string>([
    "/feed/",
    "/feed/atom/",
    "/comments/feed/",
    "/page/2/",
    "/2024/10/",
    "/2024/",
    "/wp-content/uploads/2024/10/flu-clinic-300x200.jpg",
    "/?s=fever",
  ]);
  const local = (u: string) => {
    const url = new URL(u);
    return `${url.pathname}${url.search}`;
  };
  for (const it of wxr.items) {
    if (it.type === "attachment") {
      out.add(local(it.link));
      out.add(`/?attachment_id=${it.id}`);
      out.add(local(it.attachmentUrl!));
    } else if ((it.type === "post" || it.type === "page") && it.status === "publish") {
      out.add(local(it.link));
      out.add(it.type === "post" ? `/?p=${it.id}` : `/?page_id=${it.id}`);
    }
  }
  for (const t of wxr.terms) out.add(`/${t.domain === "category" ? "category" : "tag"}/${t.nicename}/`);
  for (const a of wxr.authors) out.add(`/author/${a.login.replace(/\./g, "-")}/`);
  return [...out];
}
let XML_TEXT = "";

/** Netlify's matching, as far as these rules use it: exact paths, trailing splats, one query parameter. */
function match(rules: readonly RedirectRule[], address: string): RedirectRule | undefined {
  const [p, q] = address.split("?") as [string, string | undefined];
  for (const r of rules) {
    if (r.query !== undefined) {
      if (q === undefined || r.from !== p) continue;
      const [k, v] = r.query.split("=") as [string, string];
      const params = new URLSearchParams(q);
      if (params.has(k) && (v.startsWith(":") || params.get(k) === v)) return r;
      continue;
    }
    if (q !== undefined && p === "/") continue;
    if (r.from.endsWith("*") ? p.startsWith(r.from.slice(0, -1)) : r.from === p) return r;
  }
  return undefined;
}

test("a WordPress export imports, builds, keeps every old address working, and never publishes live hostile markup", async () => {
  XML_TEXT = await readFile(EXPORT, "utf8");
  const content = await freshContent();
  const first = await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  assert.deepEqual(first.plan.report.counts, {
    posts: 6,
    drafts: 2,
    privatePosts: 1,
    scheduled: 1,
    pages: 2,
    comments: 11,
    media: 4,
    redirects: first.plan.redirects.length,
  });
  assert.match(
    first.text,
    /^Imported from export\.xml:\n  6 posts \(2 as drafts, 1 of them private; 1 scheduled\), 2 pages, 11 comments, 4 media files, \d+ redirects/,
  );
  assert.match(first.text, /Files: 24 new, 0 updated, 0 unchanged/);
  assert.match(first.text, /page “Vaccine schedule” \(id 111\): file 2021\/01\/catch-up-schedule\.docx is not in the media folder/);
  assert.ok(existsSync(path.join(content, "blog/flu-clinic.jpg")));
  assert.deepEqual(
    await readFile(path.join(content, "uploads/2024/10/flu-consent-form.pdf")),
    await readFile(path.join(MEDIA, "2024/10/flu-consent-form.pdf")),
  );
  assert.ok(existsSync(path.join(content, "_data/wordpress-import.json")));

  const { out, result } = await buildInto({ contentDir: content, sourceDateEpoch: EPOCH });
  assert.ok(result.ok, result.ok ? "" : result.error);

  // Posts, pages, the featured image; drafts, private and scheduled posts stay out.
  for (const page of [
    "blog/flu-shots-2024/index.html",
    "blog/sun-safety/index.html",
    "blog/vacunas/index.html",
    "about-us/index.html",
    "vaccine-schedule/index.html",
  ]) {
    assert.ok(existsSync(path.join(out, page)), page);
  }
  for (const page of ["blog/draft-rsv-shots-for-babies", "blog/staff-holiday-coverage", "blog/new-office-hours-2031"])
    assert.ok(!existsSync(path.join(out, page)), page);
  const flu = await read(out, "blog/flu-shots-2024/index.html");
  assert.match(flu, /<h1>Flu shots are here for 2024 – walk in on Saturdays<\/h1>/);
  assert.match(flu, /alt="Nurse giving a flu shot to a smiling toddler"/);
  assert.match(flu, /data-third-party="youtube"/);
  assert.match(flu, /8 comments on “Flu shots are here for 2024 – walk in on Saturdays”/);
  assert.match(flu, /Reply from Juniper Hill Pediatrics/);
  assert.match(flu, /href="\/blog\/sun-safety\/"/);

  // The linked PDF is published from the content folder, byte for byte, and linked there.
  assert.match(flu, /<a href="\/uploads\/2024\/10\/flu-consent-form\.pdf">Flu shot consent form<\/a>/);
  assert.deepEqual(
    await readFile(path.join(out, "uploads/2024/10/flu-consent-form.pdf")),
    await readFile(path.join(MEDIA, "2024/10/flu-consent-form.pdf")),
  );
  // Old anchors keep their ids, so /2024/06/sun-safety/#spf and the post's own #reapply still land.
  const sun = await read(out, "blog/sun-safety/index.html");
  assert.match(sun, /<h2 id="spf">Which SPF\?<\/h2>/);
  assert.match(sun, /<span id="reapply"><\/span>Reapply every two hours/);
  assert.match(sun, /<a href="#reapply">when to reapply<\/a>/);
  assert.match(flu, /<a href="\/blog\/sun-safety\/#spf">which SPF to use<\/a>/);
  assert.match(await read(out, "about-us/index.html"), /<h2 id="Our_team">Our team<\/h2>/);
  // Old comment links land: each imported comment also answers to its WordPress anchor (#comment-502),
  // once on the page; links from other posts and from comments go to the comment's new anchor.
  const fluDoc = parse(flu);
  const ids = fluDoc.querySelectorAll("[id]").map((e) => e.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    "no id twice on the page",
  );
  for (const wp of [501, 502, 503, 507, 509, 510, 511, 512]) {
    const card = fluDoc.querySelector(`#comment-${wp}`);
    assert.ok(card, `#comment-${wp}`);
    assert.equal(card.classList.contains("comment__card"), true);
    assert.match(card.parentNode!.id, /^comment-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/, "inside the comment's own item");
  }
  assert.equal(fluDoc.querySelector("#comment-504"), null, "spam never came in");
  const answer = fluDoc.querySelector("#comment-502")!.parentNode!.id;
  assert.match(sun, new RegExp(`<a href="/blog/flu-shots-2024/#${answer}">Dr\\. Okafor(’|&#39;|')s answer</a>`));
  assert.match(sun, /<a href="\/blog\/flu-shots-2024\/#comments">removed comment<\/a>/);
  const reminder = fluDoc.querySelector("#comment-511")!;
  assert.equal(reminder.querySelector(`a[href="#${answer}"]`)?.text, "my answer above");
  // A document a post brings is linked from the comment at its copy; a file only a comment linked is not published.
  assert.equal(reminder.querySelector('a[href="/uploads/2024/10/flu-consent-form.pdf"]')?.text, "consent form");
  assert.match(fluDoc.querySelector("#comment-512")!.text, /I filled in the checklist the office emailed me\./);
  assert.ok(!existsSync(path.join(content, "uploads/2024/10/saturday-checklist-priya.pdf")));
  assert.ok(!existsSync(path.join(out, "uploads/2024/10/saturday-checklist-priya.pdf")));
  assert.match(
    first.text,
    /comment 512 by “Priya S\.” .*: a link to the uploaded file 2024\/10\/saturday-checklist-priya\.pdf was removed/,
  );
  // Every internal link, image and anchor of the imported site resolves.
  const links = await checkLinks(out);
  assert.deepEqual(links.broken, []);
  assert.match(await read(out, "blog/vacunas/index.html"), /Vacunas: ¿qué esperar en la visita de los 12 meses\? 予防接種/);

  // Hostile HTML from posts and comments is text or gone, on every page.
  for (const file of await htmlFiles(out)) {
    const html = await read(out, file);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
      assert.match(tag, /^<script (type="application\/ld\+json"|type="module" src="\/assets\/js\/[a-z-]+\.js")>$/, `${file}: ${tag}`);
    assert.doesNotMatch(html, /<(iframe|object|embed|form action="https:\/\/evil)\b/i, file);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, file);
    assert.doesNotMatch(html, /href="\s*javascript:/i, file);
    for (const secret of ["@mail.example", "203.0.113.", "198.51.100.", "rachels-blog.example", "tracker.example", "saturday-checklist"])
      assert.ok(!html.includes(secret), `${file}: ${secret}`);
    assert.doesNotMatch(
      html,
      /href="https?:\/\/(www\.)?juniperhillpeds\.example\/(wp-content|\d{4}\/|\?)/,
      `${file}: a link left pointing at the old site`,
    );
  }
  assert.match(flu, /Mallory &lt;script&gt;alert\(&quot;name&quot;\)&lt;\/script&gt;/);

  // Every old address has a redirect to a page that exists, or is a page of the new site.
  const { rules, problems } = parseRedirects(await read(out, "_redirects"));
  assert.deepEqual(problems, []);
  const missing: string[] = [];
  for (const address of oldAddresses()) {
    const rule = match(rules, address);
    if (!rule) {
      if (!existsSync(path.join(out, address.split("?")[0]!, "index.html"))) missing.push(address);
      continue;
    }
    const target = rule.to.split("?")[0]!;
    const file = path.join(out, target.endsWith("/") ? `${target}index.html` : target);
    assert.ok(existsSync(file), `${address} → ${rule.to}: no such page`);
  }
  assert.deepEqual(missing, []);
  assert.equal(match(rules, "/?p=101")?.to, "/blog/flu-shots-2024/");
  assert.equal(match(rules, "/wp-content/uploads/2024/10/flu-consent-form.pdf")?.to, "/uploads/2024/10/flu-consent-form.pdf");
  assert.equal(match(rules, "/2023/05/%E4%BA%88%E9%98%B2%E6%8E%A5%E7%A8%AE-vacunas/")?.to, "/blog/vacunas/");
  // The site's own pages are never redirected away.
  for (const own of ["/blog/", "/blog/page/2/", "/about-us/", "/privacy/"]) assert.equal(match(rules, own), undefined, own);
});

test("importing again writes nothing; an edited file is kept unless --force; a dry run writes nothing", async () => {
  const content = await freshContent();
  await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  const manifest = await readFile(path.join(content, "_data/wordpress-import.json"), "utf8");

  assert.match(manifest, /"uploads\/2024\/10\/flu-consent-form\.pdf": "[0-9a-f]{64}"/);

  const again = await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  assert.deepEqual(again.apply.written, []);
  assert.ok(again.apply.outcomes.every((o) => o.outcome === "unchanged"));
  assert.ok(again.apply.outcomes.some((o) => o.path === "uploads/2024/10/flu-consent-form.pdf"));
  assert.equal(await readFile(path.join(content, "_data/wordpress-import.json"), "utf8"), manifest);

  const post = path.join(content, "blog/2024-06-10-sun-safety.md");
  const edited = `${await readFile(post, "utf8")}\nAn update from the office.\n`;
  await writeFile(post, edited);
  const kept = await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  assert.deepEqual(kept.apply.written, []);
  assert.equal(await readFile(post, "utf8"), edited);
  assert.match(
    kept.text,
    /Kept as they are \(1\); run again with --force to replace them:\n  content\/blog\/2024-06-10-sun-safety\.md: edited since the last import/,
  );
  const forced = await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA, force: true });
  assert.deepEqual(forced.apply.written, ["blog/2024-06-10-sun-safety.md"]);
  assert.doesNotMatch(await readFile(post, "utf8"), /An update from the office/);

  // A document staff replaced since (a newer form) is kept too.
  const pdf = path.join(content, "uploads/2024/10/flu-consent-form.pdf");
  await writeFile(pdf, "%PDF-1.4\n% the 2025 form\n");
  const keptPdf = await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  assert.deepEqual(keptPdf.apply.written, []);
  assert.match(keptPdf.text, /content\/uploads\/2024\/10\/flu-consent-form\.pdf: edited since the last import/);
  assert.match(await readFile(pdf, "utf8"), /the 2025 form/);

  const dry = await freshContent();
  const planned = await importWordPress({ exportFile: EXPORT, contentDir: dry, mediaDir: MEDIA, dryRun: true });
  assert.match(planned.text, /^Dry run \(nothing written\)/);
  assert.deepEqual(planned.apply.written, []);
  assert.deepEqual((await readdir(dry)).sort(), ["_data", "pages", "providers"]);
  assert.deepEqual(await readdir(path.join(dry, "_data")), ["practice.yaml"]);

  // A file the import did not write (a page the practice already has) is never replaced.
  const own = await freshContent();
  await writeFile(
    path.join(own, "pages/about-us.md"),
    "---\ntitle: About\ndescription: Our own about page, written before the move.\n---\nOurs.\n",
  );
  const mine = await importWordPress({ exportFile: EXPORT, contentDir: own, mediaDir: MEDIA });
  assert.match(mine.text, /content\/pages\/about-us\.md: not written by an earlier import/);
  assert.match(await readFile(path.join(own, "pages/about-us.md"), "utf8"), /Ours\./);
});

test("npm run check passes an imported site, and names each bad line of its redirects; the build stops on them too", async () => {
  const content = await freshContent();
  await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  const check = async () => {
    const r = await runCheck(content);
    return { code: r.code, out: r.stdout + r.stderr };
  };
  const ok = await check();
  assert.equal(ok.code, 0, ok.out);

  const file = path.join(content, "_data/redirects.txt");
  const lines = (await readFile(file, "utf8")).split("\n").length;
  await writeFile(
    file,
    `${await readFile(file, "utf8")}/old-fees/  /billing/  301\n/old-fees.html /blog/  302\n/2024/10/flu-shots-2024/  /blog/sun-safety/  301\n/rsv/  /blog/draft-rsv-shots-for-babies/  301\n/forms/consent.pdf  /uploads/2024/10/flu-consent-form.pdf  301\n`,
  );
  const name = path.relative(DEMO, file).split(path.sep).join("/");
  const bad = await check();
  assert.equal(bad.code, 1, bad.out);
  assert.match(bad.out, /Check failed: 3 problems in the content\./);
  assert.ok(bad.out.includes(`${name}:${lines}: the new address /billing/ is no page or file of this site`), bad.out);
  assert.ok(bad.out.includes(`${name}:${lines + 2}: the old address /2024/10/flu-shots-2024/ is already redirected on line `), bad.out);
  assert.ok(bad.out.includes(`${name}:${lines + 3}: the new address /blog/draft-rsv-shots-for-babies/ is a draft`), bad.out);

  await writeFile(file, `${await readFile(file, "utf8")}flu-shots  /blog/flu-shots-2024/\n`);
  const { result } = await buildInto({ contentDir: content, sourceDateEpoch: EPOCH });
  assert.ok(!result.ok && result.problems, result.ok ? "built" : result.error);
  assert.deepEqual(
    result.problems.map((p) => p.file),
    [lines, lines + 2, lines + 3, lines + 5].map((n) => `${name}:${n}`),
  );
  assert.match(
    result.problems.at(-1)!.message,
    /^the old address must be a path on this site, starting with "\/"; expected "\/old\/address\/  \/new\/address\/  301"/,
  );
});

test("a broken export or a missing media folder stops before anything is written", async () => {
  const content = await freshContent();
  await assert.rejects(
    importWordPress({ exportFile: path.join(FIXTURES, "truncated.xml"), contentDir: content }),
    (err: unknown) => err instanceof ImportFailure && /truncated\.xml is not a complete XML file/.test(err.message),
  );
  await assert.rejects(
    importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: path.join(FIXTURES, "nope") }),
    /--media-dir .* is not a folder/,
  );
  assert.deepEqual((await readdir(content)).sort(), ["_data", "pages", "providers"]);
});

test("on a host without redirect rules, old page addresses get a small page that sends parents on", async () => {
  const content = await freshContent();
  const yaml = path.join(content, "_data/practice.yaml");
  const practice = await readFile(yaml, "utf8");
  assert.match(practice, /host: netlify/);
  await writeFile(yaml, practice.replace("host: netlify", "host: github-pages").replace(/\ncommentForm:[\s\S]*?\n(?=\S)/, "\n"));
  const imported = await importWordPress({ exportFile: EXPORT, contentDir: content, mediaDir: MEDIA });
  assert.match(imported.text, /This host reads no _redirects file/);
  const { out, result } = await buildInto({ contentDir: content, sourceDateEpoch: EPOCH });
  assert.ok(result.ok, result.ok ? "" : result.error);
  assert.ok(!existsSync(path.join(out, "_redirects")));
  const stub = await read(out, "2024/10/flu-shots-2024/index.html");
  assert.match(stub, /<meta http-equiv="refresh" content="0; url=\/blog\/flu-shots-2024\/">/);
  assert.match(stub, /<a href="\/blog\/flu-shots-2024\/">Go to its new address<\/a>/);
  assert.match(await read(out, "category/vaccines/index.html"), /url=\/blog\/tags\/vaccines\//);
  // A real page is never replaced by a stub.
  assert.doesNotMatch(await read(out, "about-us/index.html"), /http-equiv="refresh"/);
});
