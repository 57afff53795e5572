// content/_data/redirects.txt keeps visitors on this site: a new address elsewhere must be
// marked `external`, 200 (proxy/rewrite) rules are refused, and no redirect may start from an
// address a page of this site uses. Each refusal names the line and says what to write.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkRedirectRules, pagesCovered, parseRedirects, redirectProblems, type TargetCheck } from "../../lib/content/redirects.ts";

const PROXY =
  "a 200 rule is not allowed: it makes the host serve another server's page (or another address's) under this site's address, so parents would see someone else's content as the practice's; use 301 (moved for good) or 302 (moved for now), which send the visitor to the new address";
const unmarked = (to: string, line: string) =>
  `the new address ${to} is on another site; a redirect to another site must be intended, so say so by ending the line with the word external: "${line}  external"`;
const page = (from: string) =>
  `the old address ${from} is a page of this site: a redirect from it would take parents away from the page (some hosts apply redirects before pages), so remove the line or give the old address of a page that is gone`;
const covers = (from: string, which: string) =>
  `the old address ${from} covers ${which}: a redirect from it would take parents away from the page (some hosts apply redirects before pages), so remove the line or give the old address of a page that is gone`;

/** A site with a home page, an about page, a blog and a search page; files under /assets/. */
const PAGES = ["/", "/about/", "/blog/", "/blog/flu/", "/search/", "/es/", "/es/about/", "/admin/"];
const site: TargetCheck = Object.assign(
  (p: string) => (PAGES.includes(p) || p.startsWith("/assets/") ? undefined : "is no page or file of this site"),
  { pages: () => PAGES },
);

test("each refused line gets its own message, with its line number", () => {
  const cases: [line: string, message: string | undefined][] = [
    // Proxies and rewrites: never, with or without force, to this site or another.
    ["/*  https://evil.example/:splat  200!", PROXY],
    ["/*  https://evil.example/:splat  200", PROXY],
    ["/old/  /blog/flu/  200", PROXY],
    ["/old/  https://portal.example.com/  200  external", PROXY],
    // Another site: only when marked, and the message says how.
    ["/portal/  https://portal.example.com/", unmarked("https://portal.example.com/", "/portal/  https://portal.example.com/")],
    ["/portal/  https://portal.example.com/  301", unmarked("https://portal.example.com/", "/portal/  https://portal.example.com/  301")],
    ["/go/  http://evil.example/x  302!", unmarked("http://evil.example/x", "/go/  http://evil.example/x  302!")],
    ["/portal/  https://portal.example.com/  301  external", undefined],
    ["/portal/  https://portal.example.com/  external", undefined],
    ["/portal/  https://portal.example.com/  302  EXTERNAL", undefined],
    [
      "/old/  /blog/flu/  301  external",
      "the line ends with external, but its new address /blog/flu/ is on this site; remove the word external",
    ],
    // A backslash is a second slash to a browser: not a path on this site.
    [
      "/old/  /\\evil.example/  301",
      `the new address must be a path on this site ("/blog/flu/") or a web address ("https://…"); expected "/old/address/  /new/address/  301" (or "/  p=12  /new/address/  301" for an old ?p=12 address), got ${JSON.stringify("/old/  /\\evil.example/  301")}`,
    ],
    // From a page of this site: its exact address, its other spellings, a pattern that covers it.
    ["/about/  /blog/  301", page("/about/")],
    ["/about  /blog/  301", page("/about")],
    ["/about/index.html  /blog/  301", page("/about/index.html")],
    ["/  /blog/  301", page("/")],
    ["/admin/  /blog/  301", page("/admin/")],
    ["/*  /blog/  301", covers("/*", "pages of this site (/, /about/ and 6 more)")],
    ["/es/*  /es/about/  301", covers("/es/*", "pages of this site (/es/, /es/about/)")],
    ["/blog/:slug/  /search/  301", covers("/blog/:slug/", "a page of this site (/blog/flu/)")],
    // Old addresses that are no page of this site, and the WordPress ?p= form on "/", stay fine.
    ["/about-us/  /about/  301", undefined],
    ["/2019/*  /blog/  301", undefined],
    ["/blog/flu/comment-page-*  /blog/flu/  301", undefined],
    ["/  p=12  /blog/flu/  301", undefined],
    ["/feed/  /assets/feed.xml  301", undefined],
  ];
  for (const [line, message] of cases) {
    const text = `# redirects\n\n${line}\n`;
    const got = redirectProblems(text, "content/_data/redirects.txt", site).map((p) => `${p.file}: ${p.message}`);
    assert.deepEqual(got, message === undefined ? [] : [`content/_data/redirects.txt:3: ${message}`], line);
  }
});

test("a marked external redirect parses as one, and the marker is not part of the address", () => {
  const { rules, problems } = parseRedirects("/portal/  https://portal.example.com/  302  external\n/a/  /blog/\n");
  assert.deepEqual(problems, []);
  assert.deepEqual(rules, [
    { from: "/portal/", query: undefined, to: "https://portal.example.com/", status: 302, external: true, line: 1 },
    { from: "/a/", query: undefined, to: "/blog/", status: 301, line: 2 },
  ]);
  // Its new address is another site's: never checked against this site's pages.
  assert.deepEqual(checkRedirectRules(rules, site), []);
});

test("the hostile file: every line refused, each named", () => {
  const text = [
    "/*  https://evil.example/:splat  200!",
    "/about/  https://evil.example/about",
    "/contact/  /about/  200",
    "/  https://evil.example/  301  external",
  ].join("\n");
  assert.deepEqual(
    redirectProblems(text, "content/_data/redirects.txt", site).map((p) => p.file),
    ["content/_data/redirects.txt:1", "content/_data/redirects.txt:2", "content/_data/redirects.txt:3", "content/_data/redirects.txt:4"],
  );
});

test("pagesCovered: exact addresses, trailing slashes, index.html, * and :placeholders", () => {
  assert.deepEqual(pagesCovered("/blog", PAGES), ["/blog/"]);
  assert.deepEqual(pagesCovered("/blog/*", PAGES), ["/blog/", "/blog/flu/"]);
  assert.deepEqual(pagesCovered("/:lang/about/", PAGES), ["/es/about/"]);
  assert.deepEqual(pagesCovered("/blog/flu.html", PAGES), []);
  assert.deepEqual(pagesCovered("/es%2F", PAGES), ["/es/"], "as a host that decodes the address would");
  assert.deepEqual(pagesCovered("/about-us/", PAGES), []);
});
