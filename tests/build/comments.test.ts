// Comments in real builds: threads, practice replies, open/closed/off, the form and its
// place in the security policy, bad comment files, hostile text, and the import command.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { reportFailure } from "../../lib/build/build.ts";
import { buildInto, makeContent, post, read, DEMO, ROOT } from "../helpers.ts";
import { HOSTILE_BODIES, HOSTILE_NAMES } from "../fixtures/hostile-comments.ts";

const ok = { date: "2026-01-10", description: "A perfectly ordinary summary of this post for parents." };

function comment(front: Record<string, string>, body = "A kind and ordinary comment."): string {
  return `---\n${Object.entries(front)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n")}\n---\n${body}\n`;
}

async function setPractice(dir: string, edit: (yaml: string) => string): Promise<void> {
  const file = path.join(dir, "_data/practice.yaml");
  await writeFile(file, edit(await readFile(file, "utf8")));
}

const withEndpoint =
  (endpoint: string, extra = "") =>
  (yaml: string) =>
    yaml.replace(/^commentForm:\n(  .*\n)+/m, "").replace(/^comments: .*$/m, "") + `\ncommentForm:\n  endpoint: ${endpoint}\n${extra}`;

test("a post's conversation: count heading, threads oldest first, anchors, times, the practice's reply badge linked to the provider", async () => {
  const dir = await makeContent({
    "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu shots are here", comments: "open" }),
    "comments/flu/2026-01-11-b.md": comment({ author: "Sam", date: "2026-01-11T09:00" }, "Second question."),
    "comments/flu/2026-01-10-a.md": comment({ author: "Ana", date: "2026-01-10T20:30" }, "First question."),
    "comments/flu/2026-01-12-c.md": comment(
      { provider: "maya-okafor", date: "2026-01-12T08:15", replyTo: "2026-01-10-a" },
      "An answer from the practice.",
    ),
  });
  await setPractice(dir, withEndpoint("https://forms.example.com/f/abc"));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const html = await read(out, "blog/flu/index.html");
  const doc = parse(html);
  const section = doc.querySelector("section#comments")!;
  assert.equal(section.querySelector("h2")!.text, "3 comments on “Flu shots are here”");
  assert.deepEqual(
    section.querySelectorAll("li.comment").map((li) => li.id),
    ["comment-2026-01-10-a", "comment-2026-01-12-c", "comment-2026-01-11-b"],
  );
  const reply = section.querySelector("#comment-2026-01-12-c")!;
  assert.equal(reply.parentNode?.parentNode?.id, "comment-2026-01-10-a", "the reply is nested under the comment it answers");
  assert.equal(reply.querySelector("a.comment__author")!.getAttribute("href"), "/providers/maya-okafor/");
  assert.equal(reply.querySelector("a.comment__author")!.text, "Dr. Maya Okafor, MD, FAAP");
  assert.match(reply.querySelector(".badge--practice")!.text, /^Reply from /);
  assert.equal(reply.querySelector("time")!.getAttribute("datetime"), "2026-01-12T08:15:00-08:00");
  assert.equal(reply.querySelector("a.comment__permalink")!.getAttribute("href"), "#comment-2026-01-12-c");
  assert.match(reply.querySelector("time")!.text, /January 12, 2026 at 8:15/);

  const form = section.querySelector("form.comment-form")!;
  assert.equal(form.getAttribute("method"), "post");
  assert.equal(form.getAttribute("action"), "https://forms.example.com/f/abc");
  assert.equal(form.getAttribute("data-netlify"), undefined);
  assert.equal(form.querySelector('input[name="post"]')!.getAttribute("value"), "flu");
  assert.ok(form.querySelector('input[name="name"][required]'));
  assert.ok(form.querySelector('input[name="email"][type="email"]:not([required])'));
  assert.ok(form.querySelector('textarea[name="comment"][required]'));
  assert.ok(form.querySelector(".comment-form__trap[hidden] input[name=website]"), "honeypot, hidden from people");
  assert.match(form.text, /Comments are public\. Please do not include health details about your child/);
  assert.equal(form.querySelectorAll("script").length + doc.querySelectorAll('script[src*="comment"]').length, 0, "no script for the form");

  const headers = await read(out, "_headers");
  assert.match(headers, /form-action 'self' https:\/\/forms\.example\.com;/);
  const privacy = parse(await read(out, "privacy/index.html")).querySelector('[data-facts="comments"]')!;
  assert.match(
    privacy.text,
    /^If you send a comment, the form sends your name, your comment and your email address \(if you give one\) to forms\.example\.com/,
  );
  type Posting = { "@type": string; commentCount: number; comment: { author: { name: string }; parentItem?: { "@id": string } }[] };
  const ld = doc
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.text) as Posting)
    .find((d) => d["@type"] === "BlogPosting");
  assert.ok(ld, "a BlogPosting block");
  assert.equal(ld.commentCount, 3);
  assert.deepEqual(
    ld.comment.map((x) => x.author.name),
    ["Ana", "Sam", "Dr. Maya Okafor"],
  );
  assert.equal(ld.comment[2]?.parentItem?.["@id"], "https://www.juniperhillpeds.example/blog/flu/#comment-2026-01-10-a");
});

test("closed shows the comments then “Comments are closed.”, off shows nothing, and closing after N days works", async () => {
  const dir = await makeContent({
    "blog/2026-01-10-closed.md": post({ ...ok, title: "Closed one", comments: "closed" }),
    "blog/2026-01-10-off.md": post({ ...ok, title: "Off one", comments: "off" }),
    "blog/2024-01-10-old.md": post({ ...ok, date: "2024-01-10", title: "Old open one", comments: "open" }),
    "blog/2026-01-10-new.md": post({
      ...ok,
      date: new Date(Date.now() - 86400000).toISOString().slice(0, 10),
      title: "New open one",
      comments: "open",
    }),
    "comments/closed/2026-01-11-a.md": comment({ author: "Ana", date: "2026-01-11T09:00" }),
    "comments/off/2026-01-11-a.md": comment({ author: "Ana", date: "2026-01-11T09:00" }),
  });
  await setPractice(dir, withEndpoint("https://forms.example.com/f/abc", "commentsCloseAfterDays: 30\n"));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const closed = parse(await read(out, "blog/closed/index.html")).querySelector("#comments")!;
  assert.equal(closed.querySelectorAll("li.comment").length, 1);
  assert.equal(closed.querySelector(".comments__closed")!.text, "Comments are closed.");
  assert.equal(closed.querySelector("form"), null);
  assert.equal(parse(await read(out, "blog/off/index.html")).querySelector("#comments"), null);
  const old = parse(await read(out, "blog/old/index.html")).querySelector("#comments")!;
  assert.equal(old.querySelector(".comments__closed")!.text, "Comments are closed.", "closed automatically after 30 days");
  assert.equal(old.querySelector("form"), null);
  const fresh = parse(await read(out, "blog/new/index.html")).querySelector("#comments")!;
  assert.equal(fresh.querySelector("h2")!.text, "Comments on “New open one”");
  assert.equal(fresh.querySelector("p.muted")!.text, "No comments yet.");
  assert.ok(fresh.querySelector("form.comment-form"));
});

test("with no endpoint set, an open post shows its comments but no form, and the policy allows no other form target", async () => {
  const dir = await makeContent({
    "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu", comments: "open" }),
    "comments/flu/2026-01-11-a.md": comment({ author: "Ana", date: "2026-01-11T09:00" }),
  });
  await setPractice(dir, (y) => y.replace(/^commentForm:\n(  .*\n)+/m, ""));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const doc = parse(await read(out, "blog/flu/index.html"));
  assert.equal(doc.querySelectorAll("li.comment").length, 1);
  assert.equal(doc.querySelector("form.comment-form"), null);
  assert.match(await read(out, "_headers"), /form-action 'self';/);
  assert.equal(
    parse(await read(out, "privacy/index.html")).querySelector('[data-facts="comments"]'),
    null,
    "no form, no sentence about it",
  );
});

test("Netlify Forms: the form names itself for Netlify and posts to the thank-you page in the reader's language", async () => {
  const { out, result } = await buildInto();
  assert.ok(result.ok, JSON.stringify(result));
  const en = parse(await read(out, "blog/sun-safety/index.html")).querySelector("form.comment-form")!;
  assert.equal(en.getAttribute("data-netlify"), "true");
  assert.equal(en.getAttribute("name"), "comments");
  assert.equal(en.getAttribute("action"), "/comment-received/");
  assert.equal(en.querySelector('input[name="form-name"]')!.getAttribute("value"), "comments");
  const es = parse(await read(out, "es/blog/sun-safety/index.html"));
  assert.equal(es.querySelector("form.comment-form")!.getAttribute("action"), "/es/comment-received/");
  assert.equal(es.querySelector('form input[name="lang"]')!.getAttribute("value"), "es");
  assert.match(es.querySelector("#comments h2")!.text, /^6 comentarios sobre “/);
  assert.equal(
    es.querySelector("#comment-2025-06-11-8c1e4b27 .comment__body")!.getAttribute("lang"),
    "en",
    "an English comment on the Spanish page is marked as English",
  );
  const closed = parse(await read(out, "blog/welcome-priya-natarajan/index.html")).querySelector("#comments")!;
  assert.ok(closed.querySelectorAll(".comment--practice").length >= 1);
  assert.equal(closed.querySelector(".comments__closed")!.text, "Comments are closed.");
  assert.match(parse(await read(out, "privacy/index.html")).querySelector('[data-facts="comments"]')!.text, / to Netlify Forms, /);
  assert.match(parse(await read(out, "es/privacy/index.html")).querySelector('[data-facts="comments"]')!.text, / a Netlify Forms, /);
});

test("bad comment files fail the build, each naming its file: no such post, unknown or circular reply, bad date, unknown provider", async () => {
  const dir = await makeContent({
    "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu", comments: "open" }),
    "comments/flu-shots/2026-01-11-a.md": comment({ author: "Ana", date: "2026-01-11T09:00" }),
    "comments/flu/2026-01-11-b.md": comment({ author: "Ben", date: "2026-01-11T09:00", replyTo: "2026-01-01-nope" }),
    "comments/flu/2026-01-11-c.md": comment({ author: "Cy", date: "2026-01-11T09:00", replyTo: "2026-01-11-d" }),
    "comments/flu/2026-01-11-d.md": comment({ author: "Di", date: "2026-01-11T09:00", replyTo: "2026-01-11-c" }),
    "comments/flu/2026-01-11-e.md": comment({ author: "Ed", date: "2026-02-30T09:00" }),
    "comments/flu/2026-01-11-f.md": comment({ provider: "dr-nobody", date: "2026-01-11T09:00" }),
    "comments/flu/Bad Name.md": comment({ author: "Gil", date: "2026-01-11T09:00" }),
    "comments/stray.md": comment({ author: "Hal", date: "2026-01-11T09:00" }),
  });
  await setPractice(dir, withEndpoint("https://forms.example.com/f/abc"));
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const report = reportFailure(result);
  const rel = (f: string) => path.relative(DEMO, path.join(dir, f));
  for (const line of [
    `${rel("comments/flu-shots/2026-01-11-a.md")}: no post "flu-shots" for this comment`,
    `${rel("comments/flu/2026-01-11-b.md")}: replyTo: no comment "2026-01-01-nope" on this post`,
    `${rel("comments/flu/2026-01-11-c.md")}: replyTo: replies go round in a circle (2026-01-11-c → 2026-01-11-d → 2026-01-11-c)`,
    `${rel("comments/flu/2026-01-11-d.md")}: replyTo: replies go round in a circle`,
    `${rel("comments/flu/2026-01-11-e.md")}:3: date: February 2026 has only 28 days; check the day, got "2026-02-30T09:00"`,
    `${rel("comments/flu/2026-01-11-f.md")}: provider: no provider with the slug "dr-nobody"`,
    `${rel("comments/flu/Bad Name.md")}: the file name is the comment's id`,
    `${rel("comments/stray.md")}: a comment belongs in the folder of its post`,
  ])
    assert.ok(report.includes(line), `expected line:\n${line}\nin:\n${report}`);
});

test("old WordPress comment numbers: one more anchor per comment; a number twice on a post, or another comment's id, fails the build naming the file", async () => {
  const dir = await makeContent({
    "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu", comments: "open" }),
    "comments/flu/2026-01-10-a.md": comment({ author: "Ana", date: "2026-01-10T20:30" }, "First question."),
    "comments/flu/2026-01-11-b.md": `---\nauthor: "Ben"\ndate: "2026-01-11T09:00"\nwordpressId: 501\n---\nSee [Ana's question](#comment-2026-01-10-a).\n`,
    "comments/flu/502.md": `---\nauthor: "Cy"\ndate: "2026-01-11T10:00"\nwordpressId: 502\n---\nA file named after its old number.\n`,
    "comments/sun/2026-01-12-d.md": `---\nauthor: "Di"\ndate: "2026-01-12T09:00"\nwordpressId: 501\n---\nThe same number on another post is fine.\n`,
    "blog/2026-01-12-sun.md": post({ ...ok, date: "2026-01-12", title: "Sun", comments: "closed" }),
  });
  await setPractice(dir, withEndpoint("https://forms.example.com/f/abc"));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const doc = parse(await read(out, "blog/flu/index.html"));
  const card = doc.querySelector("#comment-501")!;
  assert.equal(card.tagName, "ARTICLE");
  assert.equal(card.parentNode!.id, "comment-2026-01-11-b");
  assert.equal(card.querySelector('a[href="#comment-2026-01-10-a"]')?.text, "Ana’s question");
  // 502.md is already #comment-502: no second anchor.
  assert.equal(doc.querySelectorAll("#comment-502").length, 1);
  assert.equal(doc.querySelector("#comment-502")!.tagName, "LI");
  const ids = doc.querySelectorAll("[id]").map((e) => e.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
  );
  assert.equal(parse(await read(out, "blog/sun/index.html")).querySelector("#comment-501")!.parentNode!.id, "comment-2026-01-12-d");

  await writeFile(
    path.join(dir, "comments/flu/2026-01-12-e.md"),
    `---\nauthor: "Ed"\ndate: "2026-01-12T09:00"\nwordpressId: 501\n---\nA copy.\n`,
  );
  await writeFile(
    path.join(dir, "comments/flu/2026-01-12-f.md"),
    `---\nauthor: "Fay"\ndate: "2026-01-12T10:00"\nwordpressId: 502\n---\nClashes with 502.md.\n`,
  );
  await writeFile(
    path.join(dir, "comments/flu/2026-01-12-g.md"),
    `---\nauthor: "Gil"\ndate: "2026-01-12T11:00"\nwordpressId: -3\n---\nNot a number WordPress gives.\n`,
  );
  const bad = await buildInto({ contentDir: dir });
  assert.equal(bad.result.ok, false);
  const report = reportFailure(bad.result);
  const rel = (f: string) => path.relative(DEMO, path.join(dir, f));
  for (const line of [
    `${rel("comments/flu/2026-01-12-e.md")}: wordpressId: ${rel("comments/flu/2026-01-11-b.md")} already has wordpressId 501`,
    `${rel("comments/flu/2026-01-12-f.md")}: wordpressId: #comment-502 is already the address of ${rel("comments/flu/502.md")}`,
    `${rel("comments/flu/2026-01-12-g.md")}:4: wordpressId: expected a number of at least 1`,
  ])
    assert.ok(report.includes(line), `expected line:\n${line}\nin:\n${report}`);
});

test("a Netlify thank-you page that does not exist, or a site path without Netlify, is reported on practice.yaml", async () => {
  for (const [extra, message] of [
    ["  netlify: true\n", "no page at /thanks/: write content/pages/thanks.md"],
    ["", "a site path works only with Netlify Forms"],
  ] as const) {
    const dir = await makeContent({ "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu", comments: "open" }) });
    await setPractice(dir, withEndpoint("/thanks/", extra));
    const { result } = await buildInto({ contentDir: dir });
    assert.equal(result.ok, false);
    const report = reportFailure(result);
    assert.ok(report.includes(`practice.yaml: commentForm.endpoint: ${message}`), report);
  }
});

test("hostile names and bodies are inert in the built page: no tags, no handlers, no javascript: links, escaped in JSON-LD", async () => {
  const files: Record<string, string> = { "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu", comments: "open" }) };
  HOSTILE_BODIES.forEach((body, i) => {
    files[`comments/flu/2026-01-11-b${i}.md`] = comment(
      { author: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, date: `2026-01-11T09:${String(i).padStart(2, "0")}` },
      body,
    );
  });
  const dir = await makeContent(files);
  await setPractice(dir, withEndpoint("https://forms.example.com/f/abc"));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const html = await read(out, "blog/flu/index.html");
  const doc = parse(html);
  const section = doc.querySelector("#comments")!;
  assert.equal(section.querySelectorAll("li.comment").length, HOSTILE_BODIES.length);
  const allowed = new Set([
    "section",
    "h2",
    "h3",
    "ol",
    "li",
    "article",
    "header",
    "p",
    "span",
    "a",
    "time",
    "div",
    "br",
    "code",
    "pre",
    "em",
    "strong",
    "form",
    "input",
    "label",
    "textarea",
    "button",
  ]);
  for (const el of section.querySelectorAll("*")) {
    assert.ok(allowed.has(el.tagName.toLowerCase()), `<${el.tagName}> in the comments`);
    for (const [name, value] of Object.entries(el.attributes)) {
      assert.doesNotMatch(name, /^on|^style$|^src$/i, `${name}="${value}"`);
      if (name === "href") assert.match(value, /^(#comment-|https?:|mailto:|\/providers\/)/, value);
    }
  }
  for (const a of section.querySelectorAll(".comment__body a")) assert.equal(a.getAttribute("rel"), "nofollow ugc noopener");
  assert.doesNotMatch(html, /<script>window|<img src=x|<svg onload|<iframe|<style>body/);
  assert.ok(section.text.includes(`<script>window.__pwned = "name"</script>`), "a hostile name is shown as typed, as text");
  const ld = doc
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => s.innerHTML)
    .join("\n");
  assert.doesNotMatch(ld, /<\/?script/i, "no tag can close the JSON-LD block");
});

test("npm run comments:import writes files for review, skips spam and duplicates, never copies emails or IPs, and builds", async () => {
  const dir = await makeContent({ "blog/2026-01-10-flu.md": post({ ...ok, title: "Flu", comments: "open" }) });
  await setPractice(dir, withEndpoint("https://forms.example.com/f/abc"));
  const exportFile = path.join(await mkdtemp(path.join(tmpdir(), "pp-export-")), "submissions.csv");
  await writeFile(
    exportFile,
    [
      "name,email,comment,post,website,created_at,ip",
      'Ana,ana@example.com,"Thank you, this helps.",flu,,2026-01-11 17:00:00 UTC,203.0.113.7',
      "Spammer,s@example.com,Cheap pills,flu,https://spam.example,2026-01-11 17:05:00 UTC,198.51.100.1",
    ].join("\n"),
  );
  const run = () =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts/run.mjs"), "comments-import", exportFile], {
      cwd: ROOT,
      env: { ...process.env, PRACTICE_ROOT: DEMO, PRACTICE_CONTENT: path.relative(DEMO, dir) },
      encoding: "utf8",
    });
  const first = run();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Read 2 submissions/);
  assert.match(first.stdout, /Wrote 1 comment file for review:/);
  assert.match(first.stdout, /Skipped as spam \(1\):\n  row 3: the hidden honeypot field was filled in/);
  const written = await readdir(path.join(dir, "comments/flu"));
  assert.equal(written.length, 1);
  const text = await readFile(path.join(dir, "comments/flu", written[0]!), "utf8");
  assert.doesNotMatch(text, /ana@example\.com|203\.0\.113\.7/);
  const second = run();
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /No new comments\.\nSkipped as duplicates \(1\)/);
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  assert.match(await read(out, "blog/flu/index.html"), /Thank you, this helps\./);
});
