// Comments as pure functions: the strict renderer, threads and their checks, the automatic
// close, the form's place in the security policy, and the submission import.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { renderComment, COMMENT_LINK_REL } from "../../lib/comments/markdown.ts";
import { buildDiscussion, checkOldAnchors, checkReplies, oldAnchorOf } from "../../lib/comments/thread.ts";
import { effectiveMode } from "../../lib/comments/load.ts";
import { formatReport, planImport, type ImportContext, type PostComments } from "../../lib/import/comments.ts";
import { parseCsv, parseDate, parseSubmissions } from "../../lib/import/comments-parse.ts";
import { formOrigins, headersFor, siteHeaders } from "../../lib/model/policy.ts";
import { commentSchema, commentFormSchema } from "../../lib/schema/comment.ts";
import type { Comment, CommentNode } from "../../lib/model/model.ts";
import type { Problem } from "../../lib/content/problems.ts";
import { HOSTILE_BODIES } from "../fixtures/hostile-comments.ts";

test("the comment renderer never lets markup through: every hostile payload is text", () => {
  for (const payload of HOSTILE_BODIES) {
    const html = renderComment(payload).html;
    const doc = parse(html);
    const tags = doc.querySelectorAll("*").map((el) => el.tagName.toLowerCase());
    for (const tag of tags) assert.ok(["p", "a", "code", "pre", "br", "em", "strong"].includes(tag), `${payload}: <${tag}> in ${html}`);
    for (const el of doc.querySelectorAll("*")) {
      for (const name of Object.keys(el.attributes)) assert.ok(["href", "rel"].includes(name), `${payload}: attribute ${name} in ${html}`);
      const href = el.getAttribute("href");
      if (href !== undefined) assert.match(href, /^(https?:|mailto:)/, `${payload}: ${href}`);
    }
    assert.doesNotMatch(html, /<(script|img|iframe|style|svg|h\d|div)\b/i, payload);
  }
});

test("comment links are marked as user content; javascript: and data: links stay text", () => {
  const { html, links } = renderComment(
    "See [the AAP](https://www.healthychildren.org/) or https://www.example.org/, or [x](javascript:alert(1)).",
  );
  assert.equal(links, 2);
  assert.equal(parse(html).querySelectorAll(`a[rel="${COMMENT_LINK_REL}"]`).length, 2);
  assert.match(html, /\[x\]\(javascript:alert\(1\)\)/);
  assert.equal(COMMENT_LINK_REL, "nofollow ugc noopener");
});

test("comment Markdown: line breaks kept, raw HTML escaped, headings and images are plain text", () => {
  assert.equal(renderComment("one\ntwo").html, "<p>one<br>\ntwo</p>\n");
  assert.equal(renderComment("<b>hi</b>").html, "<p>&lt;b&gt;hi&lt;/b&gt;</p>\n");
  assert.equal(renderComment("## Big").html, "<p>## Big</p>\n");
  assert.doesNotMatch(renderComment("![x](https://t.example/p.gif)").html, /<img/);
});

const zone = "America/Los_Angeles";
function c(id: string, date: string, replyTo?: string): Comment {
  return {
    id,
    file: `content/comments/p/${id}.md`,
    author: id.toUpperCase(),
    date: { dt: DateTime.fromISO(date, { zone }), allDay: false },
    lang: "en",
    html: "",
    text: "",
    replyTo,
  };
}
const shape = (nodes: readonly CommentNode[]): unknown =>
  nodes.map((n) =>
    n.replies.length || n.inReplyTo ? { [n.comment.id + (n.inReplyTo ? `<${n.inReplyTo.id}` : "")]: shape(n.replies) } : n.comment.id,
  );

test("threads: oldest first at every level; replies deeper than three levels sit beside their parent, saying whom they answer", () => {
  const comments = [
    c("b", "2026-01-02T10:00"),
    c("a", "2026-01-01T10:00"),
    c("a1", "2026-01-01T12:00", "a"),
    c("a2", "2026-01-01T11:00", "a"),
    c("a11", "2026-01-01T13:00", "a1"),
    c("a111", "2026-01-01T14:00", "a11"),
    c("a1111", "2026-01-01T15:00", "a111"),
    c("a12", "2026-01-01T13:30", "a1"),
  ];
  const d = buildDiscussion(comments);
  assert.equal(d.count, 8);
  assert.deepEqual(
    d.all.map((x) => x.id),
    ["a", "a2", "a1", "a11", "a12", "a111", "a1111", "b"],
  );
  assert.deepEqual(shape(d.threads), [{ a: ["a2", { a1: ["a11", "a12", { "a111<a11": [] }, { "a1111<a111": [] }] }] }, "b"]);
});

test("replies: an unknown comment and a circle are problems naming the file; the rest still threads", () => {
  const problems: Problem[] = [];
  const ok = checkReplies(
    [
      c("a", "2026-01-01"),
      c("x", "2026-01-02", "nope"),
      c("p", "2026-01-03", "q"),
      c("q", "2026-01-04", "p"),
      c("s", "2026-01-05", "s"),
      c("r", "2026-01-06", "p"),
    ],
    problems,
  );
  assert.deepEqual([...ok].sort(), ["a"]);
  assert.deepEqual(
    problems.map((p) => `${p.file} ${p.field}: ${p.message}`),
    [
      'content/comments/p/x.md replyTo: no comment "nope" on this post (a reply names another comment\'s file name without .md; this post has: a, p, q, s, r)',
      "content/comments/p/p.md replyTo: replies go round in a circle (p → q → p); a reply must answer an earlier comment",
      "content/comments/p/q.md replyTo: replies go round in a circle (q → p → q); a reply must answer an earlier comment",
      "content/comments/p/s.md replyTo: replies go round in a circle (s → s); a reply must answer an earlier comment",
    ],
  );
});

test("comments close automatically N days after publication, only when asked and only if open", () => {
  const published = DateTime.fromISO("2026-01-01T09:00", { zone });
  const at = (iso: string) => DateTime.fromISO(iso, { zone });
  assert.equal(effectiveMode("open", published, at("2027-01-01"), undefined), "open");
  assert.equal(effectiveMode("open", published, at("2026-01-31T08:59"), 30), "open");
  assert.equal(effectiveMode("open", published, at("2026-01-31T09:00"), 30), "closed");
  assert.equal(effectiveMode("off", published, at("2027-01-01"), 30), "off");
  assert.equal(effectiveMode("closed", published, at("2026-01-02"), 30), "closed");
});

test("comment front matter: date-time required, author unless a provider replies, ids checked", () => {
  const msgs = (data: unknown) => {
    const r = commentSchema.safeParse(data);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04T09:30" }), []);
  assert.deepEqual(msgs({ provider: "maya-okafor", date: "2026-02-04T09:30:00-08:00", replyTo: "2026-02-03-ab12cd34" }), []);
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-30T09:30" }), [
    'date: February 2026 has only 28 days; check the day, got "2026-02-30T09:30"',
  ]);
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04" }), [
    'date: expected a date and time such as 2026-02-04T09:30, got "2026-02-04"',
  ]);
  assert.deepEqual(msgs({ date: "2026-02-04T09:30" }), [
    "author: is required: the commenter's name (it may be left out only on a reply from the practice, with provider)",
  ]);
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04T09:30", replyTo: "../x" }), [
    'replyTo: expected a comment id such as 2026-02-04-3f9a1c2e, got "../x"',
  ]);
  assert.equal(commentFormSchema.safeParse({ endpoint: "http://forms.example/x" }).success, false);
  assert.equal(commentFormSchema.safeParse({ endpoint: "javascript:alert(1)" }).success, false);
  assert.equal(commentFormSchema.safeParse({ endpoint: "/comment-received/", netlify: true }).success, true);
});

test("wordpressId: an optional positive whole number; the old anchor it adds is unique on the post and never another comment's", () => {
  const msgs = (data: unknown) => {
    const r = commentSchema.safeParse(data);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04T09:30", wordpressId: 501 }), []);
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04T09:30", wordpressId: 0 }), ["wordpressId: expected a number of at least 1"]);
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04T09:30", wordpressId: 5.5 }), ["wordpressId: expected a whole number"]);
  assert.deepEqual(msgs({ author: "Ana", date: "2026-02-04T09:30", wordpressId: "501" }), ["wordpressId: expected a whole number"]);
  assert.equal(oldAnchorOf({ id: "2024-10-01-f37edb06", wordpressId: 501 }), "comment-501");
  assert.equal(oldAnchorOf({ id: "2024-10-01-f37edb06" }), undefined);
  assert.equal(oldAnchorOf({ id: "501", wordpressId: 501 }), undefined, "already its own anchor: no second id");

  const at = (id: string, wordpressId?: number) => ({ id, file: `content/comments/p/${id}.md`, wordpressId });
  const problems: Problem[] = [];
  checkOldAnchors(
    [at("2024-10-01-aa", 501), at("2024-10-02-bb", 502), at("2024-10-03-cc", 501), at("502"), at("503", 503), at("2024-10-04-dd")],
    problems,
  );
  assert.deepEqual(
    problems.map((p) => `${p.file} ${p.field}: ${p.message}`),
    [
      "content/comments/p/2024-10-02-bb.md wordpressId: #comment-502 is already the address of content/comments/p/502.md (its file name is 502.md): remove wordpressId here or rename that file",
      "content/comments/p/2024-10-03-cc.md wordpressId: content/comments/p/2024-10-01-aa.md already has wordpressId 501: each old WordPress comment number appears once per post (remove it from one of them)",
    ],
  );
  const none: Problem[] = [];
  checkOldAnchors([at("2024-10-01-aa", 501), at("2024-10-02-bb", 502), at("503", 503)], none);
  assert.deepEqual(none, []);
});

test("comment links within the site: paths (with the host's prefix) and comment anchors are links; nothing that leaves the site is", () => {
  const html = (s: string) => renderComment(s, { prefix: "/clinic" }).html;
  assert.equal(
    html("[the answer](/blog/flu/#comment-2024-10-02-c8f17287)"),
    '<p><a href="/clinic/blog/flu/#comment-2024-10-02-c8f17287" rel="nofollow ugc noopener">the answer</a></p>\n',
  );
  assert.equal(
    renderComment("[above](#comment-2024-10-02-c8f17287) and [all](#comments)").html,
    '<p><a href="#comment-2024-10-02-c8f17287" rel="nofollow ugc noopener">above</a> and <a href="#comments" rel="nofollow ugc noopener">all</a></p>\n',
  );
  for (const away of [
    "[x](//evil.example/)",
    "[x](/\\evil.example/)",
    "[x](</\t/evil.example>)",
    "[x](/%2F/evil.example)",
    "[x](#top)",
    "[x](relative/path)",
    "[x](javascript:alert(1))",
  ]) {
    assert.doesNotMatch(html(away), /<a /, away);
  }
});

test("the form's service is allowed as a form target, and only that", () => {
  assert.deepEqual(formOrigins("https://forms.example.com/f/abc?x=1"), ["https://forms.example.com"]);
  assert.deepEqual(formOrigins("/comment-received/"), []);
  assert.deepEqual(formOrigins(undefined), []);
  const site = { clickToLoadHosts: [], langs: ["en", "es"], urls: { local: (l: string, p: string) => (l === "en" ? p : `/${l}${p}`) } };
  const csp = (s: Parameters<typeof siteHeaders>[0], path: string) => headersFor(siteHeaders(s), path)["Content-Security-Policy"]!;
  assert.match(csp(site, "/blog/x/"), /form-action 'self';/);
  const withForm = { ...site, practice: { commentForm: { endpoint: "https://forms.example.com/f/abc" } } };
  for (const path of ["/blog/x/", "/search/", "/es/search/"])
    assert.match(csp(withForm, path), /form-action 'self' https:\/\/forms\.example\.com;/, path);
});

test("CSV: quotes, doubled quotes, line breaks inside fields, CRLF and a byte-order mark", () => {
  assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\n1,\n'), [
    ["a", "b"],
    ["x, y", 'say "hi"\nthere'],
    ["1", ""],
  ]);
  assert.throws(() => parseCsv('a\n"open'), /missing closing quote/);
});

test("dates from form services: ISO with Z, SQL-style UTC, and local times in the practice's zone", () => {
  assert.equal(parseDate("2026-02-04T17:30:12.345Z", zone)!.toISO({ suppressMilliseconds: true }), "2026-02-04T09:30:12-08:00");
  assert.equal(parseDate("2026-02-04 17:30:12 UTC", zone)!.toISO({ suppressMilliseconds: true }), "2026-02-04T09:30:12-08:00");
  assert.equal(parseDate("2026-07-04T09:30", zone)!.toISO({ suppressMilliseconds: true }), "2026-07-04T09:30:00-07:00");
  assert.equal(parseDate("yesterday", zone), undefined);
});

const ctx: ImportContext = {
  postKeys: new Set(["sun-safety", "fever"]),
  // sun-safety already has the comment the CSV's reply answers (a reply to a missing one is refused: see below).
  existing: new Map([
    ["fever", ["2026-01-01-aaaaaaaa"]],
    ["sun-safety", ["2026-06-11-0123abcd"]],
  ]),
  zone,
  langs: ["en", "es"],
  defaultLang: "en",
};

const NETLIFY_CSV = [
  "name,email,comment,post,lang,website,reply-to,created_at,ip,user_agent",
  'Rachel M.,rachel@example.com,"Is spray sunscreen OK?\nThanks!",sun-safety,en,,,2026-06-11 20:14:00 UTC,203.0.113.7,Mozilla/5.0',
  "Bot,bot@spam.example,Buy now,sun-safety,en,http://spam.example,,2026-06-11 20:15:00 UTC,198.51.100.1,curl",
  'Linky,l@example.com,"https://a.example https://b.example [c](https://c.example)",sun-safety,en,,,2026-06-11 20:16:00 UTC,198.51.100.2,x',
  'Rachel M.,rachel@example.com,"Is spray sunscreen OK?\nThanks!",sun-safety,en,,,2026-06-11 20:19:00 UTC,203.0.113.7,Mozilla/5.0',
  "Ana,ana@example.com,¿Y la ropa UV?,sun-safety,es,,,2026-06-12T01:00:00Z,203.0.113.9,x",
  "Lost,lost@example.com,Hello,sun-safty,en,,,2026-06-12T01:00:00Z,203.0.113.10,x",
  "Replying,r@example.com,Agreed,sun-safety,en,,2026-06-11-0123abcd,2026-06-12T02:00:00Z,203.0.113.11,x",
].join("\n");

test("import: new comments become files; honeypot, link-stuffing, duplicates and unknown posts are skipped; no email or IP is written", () => {
  const plan = planImport(parseSubmissions(NETLIFY_CSV, "csv"), ctx);
  assert.equal(plan.read, 7);
  assert.equal(plan.files.length, 3);
  const [first, ana, reply] = plan.files;
  assert.match(first!.path, /^comments\/sun-safety\/2026-06-11-[0-9a-f]{8}\.md$/);
  assert.equal(
    first!.text.replace(/^#.*\n/gm, ""),
    '---\nauthor: "Rachel M."\ndate: "2026-06-11T13:14:00-07:00"\n---\nIs spray sunscreen OK?\nThanks!\n',
  );
  assert.match(ana!.text, /\nlang: es\n/);
  assert.match(ana!.path, /\/2026-06-11-/, "dated in the practice's zone, not UTC");
  assert.match(reply!.text, /\nreplyTo: "2026-06-11-0123abcd"\n/);
  assert.deepEqual(
    plan.skipped.map((s) => `${s.where} ${s.reason}`),
    ["row 3 spam", "row 4 spam", "row 5 duplicate", "row 7 invalid"],
  );
  for (const f of plan.files) {
    assert.doesNotMatch(f.text, /@|203\.0\.113|Mozilla/, "never an email, IP address or browser");
    const parsed = commentSchema.safeParse(
      Object.fromEntries(
        f.text
          .split("---")[1]!
          .trim()
          .split("\n")
          .filter((l) => !l.startsWith("#"))
          .map((l) => [
            l.slice(0, l.indexOf(":")),
            l
              .slice(l.indexOf(":") + 1)
              .trim()
              .replace(/^"|"$/g, ""),
          ]),
      ),
    );
    assert.ok(parsed.success, f.text);
  }
  const report = formatReport(plan, "export.csv", { contentDir: "content" });
  assert.match(report, /^Read 7 submissions from export\.csv\.\nWrote 3 comment files for review:\n  content\/comments\/sun-safety\//);
  assert.match(report, /Skipped as spam \(2\):\n  row 3: the hidden honeypot field was filled in\n  row 4: 3 links \(more than 2\)/);
  assert.match(report, /row 7: no post "sun-safty" on this site/);
  assert.doesNotMatch(report, /@|203\.0\.113/);
});

test("import is stable: the same export twice writes nothing new the second time", () => {
  const first = planImport(parseSubmissions(NETLIFY_CSV, "csv"), ctx);
  const existing = new Map<string, string[]>([...ctx.existing].map(([k, v]) => [k, [...v]]));
  for (const f of first.files) {
    const [, post, name] = f.path.split("/");
    existing.set(post!, [...(existing.get(post!) ?? []), name!.replace(/\.md$/, "")]);
  }
  const again = planImport(parseSubmissions(NETLIFY_CSV, "csv"), { ...ctx, existing });
  assert.equal(again.files.length, 0);
  assert.equal(again.skipped.filter((s) => s.reason === "duplicate").length, 4);
  assert.deepEqual(
    planImport(parseSubmissions(NETLIFY_CSV, "csv"), ctx).files.map((f) => f.path),
    first.files.map((f) => f.path),
  );
});

test("import: a reply to a comment the post does not have is listed, not written (the build would refuse it)", () => {
  const plan = planImport(parseSubmissions(NETLIFY_CSV, "csv"), { ...ctx, existing: new Map() });
  assert.equal(plan.files.length, 2);
  assert.deepEqual(
    plan.skipped.filter((s) => s.reason === "invalid").map((s) => `${s.where}: ${s.detail}`),
    ['row 7: no post "sun-safty" on this site', 'row 8: reply-to "2026-06-11-0123abcd" is no comment on "sun-safety"'],
  );
});

test("import reads Netlify's JSON (fields under data) and plain JSON lists", () => {
  const netlify = JSON.stringify([
    {
      number: 2,
      email: "x@example.com",
      name: "Jenna K.",
      created_at: "2026-02-04T03:40:00.000Z",
      data: { name: "Jenna K.", email: "x@example.com", comment: "Welcome, Priya!", post: "fever", ip: "203.0.113.5", user_agent: "UA" },
      ordered_human_fields: [],
    },
  ]);
  const plan = planImport(parseSubmissions(netlify, "json"), ctx);
  assert.equal(plan.files.length, 1);
  assert.match(plan.files[0]!.text, /author: "Jenna K."\ndate: "2026-02-03T19:40:00-08:00"/);
  assert.doesNotMatch(plan.files[0]!.text, /example\.com|203\.0/);
  const plain = planImport(
    parseSubmissions(
      JSON.stringify({ submissions: [{ author: "<script>x</script>", body: "<b>hi</b>", post: "fever", date: "2026-02-04T09:00" }] }),
      "json",
    ),
    ctx,
  );
  assert.match(plain.files[0]!.text, /author: "<script>x<\/script>"\n/, "kept as typed: the page escapes it");
  assert.throws(() => parseSubmissions("{nope", "json"), /not valid JSON/);
});

test("import: a post whose comments are off gets none written; after commentsCloseAfterDays closed them, none either; on a closed post it is written and named", () => {
  const csv = [
    "name,comment,post,created_at",
    "Ana,Off here,fever,2026-06-11 20:14:00 UTC",
    "Ben,Before it closed,sun-safety,2026-06-11 20:14:00 UTC",
    "Cy,After it closed,sun-safety,2026-09-30 10:00:00 UTC",
    "Dee,On a closed post,news,2026-06-11 20:14:00 UTC",
  ].join("\n");
  const modes = new Map<string, PostComments>([
    ["fever", { mode: "off" }],
    ["sun-safety", { mode: "open", closesAt: DateTime.fromISO("2026-09-08T00:00", { zone }) }],
    ["news", { mode: "closed" }],
  ]);
  const plan = planImport(parseSubmissions(csv, "csv"), { ...ctx, postKeys: new Set(["fever", "sun-safety", "news"]), modes });
  assert.deepEqual(
    plan.files.map((f) => f.where),
    ["row 3", "row 5"],
  );
  assert.deepEqual(
    plan.skipped.map((s) => `${s.where} ${s.reason}`),
    ["row 2 closed", "row 4 closed"],
  );
  assert.match(plan.skipped[1]!.detail, /sent 2026-09-30, after comments on "sun-safety" closed \(2026-09-08/);
  assert.deepEqual(
    plan.review.map((r) => r.where),
    ["row 5"],
  );
  const report = formatReport(plan, "x.csv", { contentDir: "content" });
  assert.match(report, /Not imported: the post's comments are off or were closed \(2\):\n  row 2: comments are off on "fever"/);
  assert.match(report, /Needs a look \(1\):\n  row 5: comments on "news" are closed/);
});

test("import: Formspree's CSV export (_date, message, post as an address) reads like its JSON; emails stay out", () => {
  const text = readFileSync(path.resolve(import.meta.dirname, "../fixtures/comments/formspree.csv"), "utf8");
  const plan = planImport(parseSubmissions(text, "csv"), { ...ctx, existing: new Map() });
  assert.deepEqual(plan.skipped, []);
  assert.deepEqual(
    plan.files.map((f) => f.path.replace(/-[0-9a-f]{8}\.md$/, "")),
    ["comments/fever/2026-02-06", "comments/fever/2026-02-07"],
  );
  assert.match(
    plan.files[0]!.text,
    /\nauthor: "Lena"\ndate: "2026-02-06T07:04:05-08:00"\n---\nOur car seat fits now, thanks to the video\.\n$/,
  );
  assert.match(
    plan.files[1]!.text,
    /\ndate: "2026-02-07T08:00:00-08:00"\n---\nSame here, "five-step test" worked\.\n$/,
    "a date without a zone is the practice's",
  );
  for (const f of plan.files) assert.doesNotMatch(f.text, /@mail\.example|New comment/);
});
