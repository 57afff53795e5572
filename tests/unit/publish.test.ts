// Publishing and trust helpers: hosts, the <meta> policy, the CI plan, comparing builds,
// and the facts the privacy page states.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { metaPolicy, resolveHosting } from "../../lib/model/hosting.ts";
import { changedPages, ciPlan, compareTrees } from "../../lib/build/ci.ts";
import { cspString, pageHeaders, parentCsp } from "../../lib/model/policy.ts";
import { CLICK_TO_LOAD_HOSTS, clickToLoadHosts, noticeLink, policyFacts } from "../../lib/model/trust.ts";
import { practiceSchema } from "../../lib/schema/practice.ts";

test("hosts that ignore _headers are known (their pages' <meta> policy is all there is)", () => {
  assert.deepEqual(
    (["netlify", "cloudflare-pages", "github-pages", "s3"] as const).map((host) => [host, resolveHosting({ host }).metaFallback]),
    [
      ["netlify", false],
      ["cloudflare-pages", false],
      ["github-pages", true],
      ["s3", true],
    ],
  );
  const other = resolveHosting({ host: "other", name: "Example Hosting", privacyUrl: "https://hosting.example/privacy" });
  assert.deepEqual(other, {
    host: "other",
    name: "Example Hosting",
    privacyUrl: "https://hosting.example/privacy",
    headersFile: false,
    metaFallback: true,
  });
  assert.equal(resolveHosting({ host: "github-pages" }).name, "GitHub");
});

test("the <meta> policy is the page's own policy minus what only a header can say", () => {
  const page = metaPolicy("/blog/flu/");
  const header = cspString(parentCsp());
  assert.equal(
    page.csp,
    header
      .split("; ")
      .filter((d) => !d.startsWith("frame-ancestors"))
      .join("; "),
  );
  assert.doesNotMatch(page.csp, /frame-ancestors/);
  assert.equal(page.referrer, "no-referrer");
  // The search page's own policy (WebAssembly for the index reader) carries over too.
  assert.match(metaPolicy("/search/").csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(metaPolicy("/").csp, /wasm-unsafe-eval/);
});

test("a site's <meta> policies, worked out once per kind of page, are each page's own", () => {
  const site = {
    clickToLoadHosts: [{ origin: "https://www.youtube-nocookie.com" }],
    langs: ["en", "es"],
    urls: { local: (lang: string, p: string) => (lang === "en" ? p : `/es${p}`) },
    practice: { commentForm: { endpoint: "https://forms.example/comments" } },
  };
  const paths = ["/", "/blog/flu/", "/search/", "/es/", "/es/search/", "/admin/", "/admin/config.yml", "/es/blog/gripe/"];
  // Asked in this order of one site, against each page asked first of a site of its own (nothing remembered yet).
  for (const p of paths) assert.deepEqual(metaPolicy(p, site), metaPolicy(p, { ...site }), p);
  assert.match(metaPolicy("/es/search/", site).csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(metaPolicy("/es/blog/gripe/", site).csp, /'wasm-unsafe-eval'/);
  assert.match(metaPolicy("/blog/flu/", site).csp, /frame-src[^;]*youtube-nocookie/);
  assert.match(metaPolicy("/blog/flu/", site).csp, /form-action[^;]*forms\.example/);
  assert.notDeepEqual(metaPolicy("/admin/", site), metaPolicy("/", site));
});

test("CI plan: full suite for code, content-only pushes gate the changed pages, nightly rebuilds, weekly full", () => {
  const cases: [Parameters<typeof ciPlan>[0], string][] = [
    [{ event: "push", changed: ["content/blog/flu.md"] }, "content"],
    [{ event: "push", changed: ["content/blog/flu.md", "content/_data/practice.yaml"] }, "content"],
    [{ event: "push", changed: ["content/blog/flu.md", "layouts/base.tsx"] }, "full"],
    [{ event: "push", changed: ["README.md"] }, "full"],
    [{ event: "push", changed: ["contents.md"] }, "full"],
    [{ event: "push", changed: undefined }, "full"],
    [{ event: "schedule", weekday: 3 }, "rebuild"],
    [{ event: "schedule", weekday: 7 }, "full"],
    [{ event: "workflow_dispatch" }, "full"],
  ];
  for (const [input, suite] of cases) assert.equal(ciPlan(input).suite, suite, JSON.stringify(input));
});

test("comparing two builds lists changed, added and removed files; pages come from the HTML", async () => {
  const base = await mkdtemp(path.join(tmpdir(), "pp-tree-"));
  const write = async (dir: string, files: Record<string, string>) => {
    for (const [f, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(base, dir, f)), { recursive: true });
      await writeFile(path.join(base, dir, f), text);
    }
  };
  await write("a", { "index.html": "home", "blog/flu/index.html": "flu", "feed.xml": "1", "old/index.html": "gone", "404.html": "x" });
  await write("b", { "index.html": "home", "blog/flu/index.html": "flu!", "feed.xml": "2", "new/index.html": "new", "404.html": "y" });
  const diff = await compareTrees(path.join(base, "a"), path.join(base, "b"));
  assert.deepEqual(diff, {
    same: 1,
    changed: ["404.html", "blog/flu/index.html", "feed.xml"],
    added: ["new/index.html"],
    removed: ["old/index.html"],
  });
  assert.deepEqual(changedPages(diff), ["/404.html", "/blog/flu/", "/new/"]);
});

test("click-to-load hosts come from the markers in built HTML; an unlisted host is a loud error", () => {
  assert.deepEqual(clickToLoadHosts([{ html: "<p>No video here</p>" }]), []);
  const html = '<figure class="video" data-third-party="youtube"><a href="#">Play</a></figure>';
  assert.deepEqual(clickToLoadHosts([{ html }, { html: html + '<figure data-third-party="vimeo"></figure>' }]), [
    CLICK_TO_LOAD_HOSTS.vimeo,
    CLICK_TO_LOAD_HOSTS.youtube,
  ]);
  assert.throws(
    () => clickToLoadHosts([{ html: '<figure data-third-party="tiktok">', file: "content/blog/x.md" }]),
    /content\/blog\/x\.md: data-third-party="tiktok" is not in CLICK_TO_LOAD_HOSTS/,
  );
});

test("policy facts: first-party only today; a click-to-load origin is not counted as loaded on sight", () => {
  const facts = policyFacts(pageHeaders(undefined, "/privacy/"));
  assert.deepEqual(facts, { otherOrigins: [], noReferrer: true });
  const withVideo = {
    "Content-Security-Policy":
      "default-src 'self'; frame-src https://www.youtube-nocookie.com; img-src 'self' https://cdn.example data:; form-action https://forms.example",
  };
  assert.deepEqual(policyFacts(withVideo).otherOrigins, ["https://cdn.example", "https://www.youtube-nocookie.com"]);
  assert.deepEqual(policyFacts(withVideo, [CLICK_TO_LOAD_HOSTS.youtube!]).otherOrigins, ["https://cdn.example"]);
});

test("practice.yaml: hosting and the Notice of Privacy Practices are validated with plain messages", () => {
  const msg = (data: Record<string, unknown>) => {
    const r = practiceSchema.shape.hosting.safeParse(data.hosting);
    const n = practiceSchema.shape.noticeOfPrivacyPractices.safeParse(data.notice);
    return [...(r.success ? [] : r.error.issues.map((i) => i.message)), ...(n.success ? [] : n.error.issues.map((i) => i.message))];
  };
  assert.deepEqual(msg({ hosting: { host: "netlify" }, notice: "/assets/npp.pdf" }), []);
  assert.deepEqual(msg({ hosting: { host: "github-pages" }, notice: "https://www.example-peds.org/privacy-notice" }), []);
  assert.match(
    msg({ hosting: { host: "other" }, notice: "/assets/npp.pdf" })[0]!,
    /host "other": also give the company's name and its privacyUrl/,
  );
  assert.match(
    msg({ hosting: { host: "geocities" }, notice: "/assets/npp.pdf" })[0]!,
    /expected one of netlify, cloudflare-pages, github-pages, s3, other/,
  );
  assert.match(
    msg({ hosting: { host: "netlify" }, notice: undefined })[0]!,
    /^is required: the Notice of Privacy Practices that HIPAA requires/,
  );
  assert.match(
    msg({ hosting: { host: "netlify" }, notice: "npp.pdf" })[0]!,
    /expected a web address starting with https:\/\/ or a file under \/assets\//,
  );
  assert.deepEqual(noticeLink("/assets/npp.pdf"), { href: "/assets/npp.pdf", local: true, type: "PDF" });
  assert.deepEqual(noticeLink("https://x.example/notice"), { href: "https://x.example/notice", local: false, type: undefined });
});
