// The trust pages (privacy, accessibility) and the Notice of Privacy Practices: present,
// linked from every footer, and saying only what the site's configuration makes true.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { NodeType, parse as parseHtml } from "node-html-parser";
import { parse, stringify } from "yaml";
import { DateTime } from "luxon";
import { buildInto, htmlFiles, makeContent, post, read, DEMO } from "../helpers.ts";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { renderRoute } from "../../lib/build/routes.ts";
import { CLICK_TO_LOAD_HOSTS } from "../../lib/model/trust.ts";
import { cspString, pageCsp } from "../../lib/model/policy.ts";
import { displayDate } from "../../lib/model/time.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };

async function withPractice(dir: string, change: (p: Record<string, unknown>) => void): Promise<string> {
  const file = path.join(dir, "_data/practice.yaml");
  const data = parse(await readFile(file, "utf8")) as Record<string, unknown>;
  change(data);
  await writeFile(file, stringify(data));
  return dir;
}

const main = (html: string) => parseHtml(html).querySelector("main")!;

test("every page of the demo links privacy, accessibility and the Notice of Privacy Practices in its footer", async () => {
  const { out, result } = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  for (const file of ["privacy/index.html", "accessibility/index.html", "assets/notice-of-privacy-practices.pdf"])
    assert.ok(existsSync(path.join(out, file)), `missing ${file}`);
  const files = await htmlFiles(out);
  assert.ok(files.length > 30);
  const { languages = [] } = parse(await readFile(path.join(DEMO, "content/_data/practice.yaml"), "utf8")) as { languages?: string[] };
  for (const file of files) {
    const folder = file.split("/")[0]!;
    const lang = languages.includes(folder) && file !== "404.html" ? `/${folder}` : "";
    const footer = parseHtml(await read(out, file)).querySelector("footer");
    const hrefs = (footer?.querySelectorAll("a") ?? []).map((a) => a.getAttribute("href"));
    for (const href of [`${lang}/privacy/`, `${lang}/accessibility/`, "/assets/notice-of-privacy-practices.pdf"])
      assert.ok(hrefs.includes(href), `${file}: no footer link to ${href}`);
    if (!lang) assert.match(footer!.text, /Privacy[\s\S]*Accessibility[\s\S]*Notice of Privacy Practices \(PDF\)/, file);
  }
  for (const lang of languages)
    assert.ok(existsSync(path.join(out, lang === languages[0] ? "" : lang, "privacy/index.html")), `no privacy page in ${lang}`);
  const sitemaps = (await readdir(out)).filter((f) => /^sitemap.*\.xml$/.test(f));
  assert.ok(
    (await Promise.all(sitemaps.map((f) => read(out, f)))).some((x) => x.includes("/privacy/</loc>")),
    "the trust pages are in the sitemap",
  );
  // The demo is hosted on Netlify, which applies _headers: the pages still narrow its site-wide policy to their own.
  assert.match(
    await read(out, "index.html"),
    /http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;;/,
  );
});

test("the privacy page names the host and its logs, no video host without embeds, and how to ask", async () => {
  const { out, result } = await buildInto({
    contentDir: await makeContent({ "blog/a.md": post({ ...ok, title: "A" }) }),
    sourceDateEpoch: NOW,
  });
  assert.ok(result.ok, JSON.stringify(result));
  const page = main(await read(out, "privacy/index.html"));
  const text = page.text;
  assert.match(text, /Netlify serves this website for us/);
  assert.match(text, /IP address/);
  assert.ok(page.querySelector('a[href="https://www.netlify.com/privacy/"]'));
  assert.match(text, /sets no cookies/);
  assert.match(page.querySelector('[data-facts="third-party"]')!.text, /does not contact any other company/);
  assert.equal(page.querySelector('[data-facts="videos"]')!.text, "This website does not show videos from other companies.");
  assert.doesNotMatch(text, /YouTube|Vimeo/);
  assert.match(text, /do(es)? not tell it which page of our website you came from/);
  assert.ok(page.querySelector('a[href="tel:5035550142"]'));
  assert.ok(page.querySelector('a[href="mailto:hello@juniperhillpeds.example"]'));
  assert.ok(page.querySelector('a[href="/assets/notice-of-privacy-practices.pdf"]'));
});

test("the click-to-load hook: a page that embeds a video makes the privacy page name its host, and only then", async () => {
  const youtube = CLICK_TO_LOAD_HOSTS.youtube!;
  // An author cannot fake an embed with typed HTML; the sanitizer strips it.
  const none = await makeContent({
    "blog/v.md": post({ ...ok, title: "V" }, `<iframe src="${youtube.origin}/embed/x"></iframe>\n\nText.`),
  });
  const site = await loadSite({ root: DEMO, contentDir: none, mode: "production", clock: fixedClock("2026-11-25T12:00:00Z") });
  assert.deepEqual(site.clickToLoadHosts, []);
  assert.doesNotMatch(
    main(
      renderRoute(
        site,
        site.routes.find((r) => r.kind === "privacy")!,
      ),
    ).text,
    /YouTube/,
  );

  // A video link alone on its line becomes a click-to-load player (lib/markdown/video.ts).
  const dir = await makeContent({
    "blog/v.md": post({ ...ok, title: "V" }, "Watch how we give a flu shot:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nText."),
  });
  const { out, result } = await buildInto({ contentDir: dir, sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  const html = main(await read(out, "privacy/index.html"));
  assert.match(
    html.querySelector('[data-facts="videos"]')!.text,
    /Some pages offer videos from YouTube \(Google\)\. A video is not loaded until you press its play button/,
  );
  assert.ok(html.querySelector(`a[href="${youtube.privacyUrl}"]`));
  assert.doesNotMatch(html.text, /does not show videos|Vimeo/);
  // Loaded only on a click, so not listed among what pages load on sight.
  assert.doesNotMatch(html.querySelector('[data-facts="third-party"]')!.text, /youtube/i);
});

test("the accessibility statement: WCAG 2.1 AA, how it is tested, the build's date, limitations, how to report", async () => {
  const { out, result } = await buildInto({ contentDir: await makeContent({}), sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  const page = main(await read(out, "accessibility/index.html"));
  assert.match(page.text, /WCAG\) 2\.1 at level AA/);
  assert.match(page.text, /axe-core/);
  assert.match(page.text, /real web browser/);
  const built = displayDate(DateTime.fromSeconds(NOW).setZone("America/Los_Angeles"), "en");
  assert.equal(page.querySelector('[data-facts="built"]')!.text.trim(), `This website was last built on ${built}.`);
  assert.match(page.text, /PDF files/, "the demo has PDF forms and a PDF notice");
  assert.ok(page.querySelector('a[href="tel:5035550142"]'));
  assert.ok(page.querySelector('a[href="mailto:hello@juniperhillpeds.example"]'));

  // Without PDFs, no PDF limitation is claimed.
  const dir = await withPractice(await makeContent({}), (p) => {
    delete p.forms;
    p.noticeOfPrivacyPractices = "https://www.juniperhillpeds.example/legal/notice";
  });
  const plain = await buildInto({ contentDir: dir, sourceDateEpoch: NOW });
  assert.ok(plain.result.ok, JSON.stringify(plain.result));
  assert.doesNotMatch(main(await read(plain.out, "accessibility/index.html")).text, /PDF/);
  const footer = parseHtml(await read(plain.out, "index.html")).querySelector("footer")!;
  assert.equal(footer.querySelector('a[href="https://www.juniperhillpeds.example/legal/notice"]')?.text, "Notice of Privacy Practices");
});

test("the Notice of Privacy Practices is required; a missing file or a bad value stops the build with a clear message", async () => {
  const missing = await buildInto({ contentDir: await withPractice(await makeContent({}), (p) => delete p.noticeOfPrivacyPractices) });
  assert.equal(missing.result.ok, false);
  assert.match(
    (missing.result as { error: string }).error,
    /practice\.yaml: noticeOfPrivacyPractices: is required: the Notice of Privacy Practices that HIPAA requires a practice to post on its website/,
  );
  const noFile = await buildInto({
    contentDir: await withPractice(await makeContent({}), (p) => (p.noticeOfPrivacyPractices = "/assets/legal/missing.pdf")),
  });
  assert.match(
    (noFile.result as { error: string }).error,
    /practice\.yaml: noticeOfPrivacyPractices: no such file: assets\/legal\/missing\.pdf/,
  );
  const bad = await buildInto({
    contentDir: await withPractice(await makeContent({}), (p) => (p.noticeOfPrivacyPractices = "notice.pdf")),
  });
  assert.match(
    (bad.result as { error: string }).error,
    /noticeOfPrivacyPractices: expected a web address starting with https:\/\/ or a file under \/assets\//,
  );
});

test("GitHub Pages ignores _headers: every page carries its own CSP (minus frame-ancestors) and referrer policy", async () => {
  const dir = await withPractice(
    await makeContent({
      "blog/a.md": post({ ...ok, title: "A" }, "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nA video, so the policy allows its player."),
    }),
    (p) => (p.hosting = { host: "github-pages" }),
  );
  const { out, result } = await buildInto({ contentDir: dir, sourceDateEpoch: NOW, prefix: "/juniper-site" });
  assert.ok(result.ok, JSON.stringify(result));
  const frames = [CLICK_TO_LOAD_HOSTS.youtube!.origin];
  for (const file of await htmlFiles(out)) {
    const doc = parseHtml(await read(out, file));
    const sitePath = "/" + file.replace(/index\.html$/, "");
    // The page's own policy (lib/model/policy.ts pageCsp): the search policy on each language's search page.
    const header = cspString(pageCsp(sitePath, frames, ["/search/", "/es/search/"]));
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content");
    assert.equal(
      meta,
      header
        .split("; ")
        .filter((d) => !d.startsWith("frame-ancestors"))
        .join("; "),
      file,
    );
    assert.equal(doc.querySelector('meta[name="referrer"]')?.getAttribute("content"), "no-referrer", file);
    // A <meta> policy covers only what comes after it: it must precede every stylesheet and script.
    const head = doc
      .querySelector("head")!
      .childNodes.filter((n) => n.nodeType === NodeType.ELEMENT_NODE)
      .map((n) => n as unknown as { rawTagName: string; getAttribute(a: string): string });
    const cspAt = head.findIndex((el) => el.getAttribute("http-equiv") === "Content-Security-Policy");
    const firstResource = head.findIndex(
      (el) => el.rawTagName === "script" || (el.rawTagName === "link" && el.getAttribute("rel") === "stylesheet"),
    );
    assert.ok(cspAt >= 0 && cspAt < firstResource, `${file}: the CSP <meta> comes after a resource`);
  }
  const search = parseHtml(await read(out, "search/index.html")).querySelector('meta[http-equiv="Content-Security-Policy"]')!;
  assert.match(search.getAttribute("content")!, /script-src 'self' 'wasm-unsafe-eval'/);
  const video = parseHtml(await read(out, "blog/a/index.html")).querySelector('meta[http-equiv="Content-Security-Policy"]')!;
  assert.match(
    video.getAttribute("content")!,
    /frame-src https:\/\/www\.youtube-nocookie\.com/,
    "the video player is allowed, as in _headers",
  );
  assert.match(main(await read(out, "privacy/index.html")).text, /GitHub serves this website for us/);
});

test("a content page cannot take a trust page's address; host other must name the company", async () => {
  const clash = await buildInto({
    contentDir: await makeContent({
      "pages/privacy.md": "---\ntitle: Privacy\ndescription: Our own privacy page, which would hide the generated one.\n---\nText\n",
    }),
  });
  assert.match(
    (clash.result as { error: string }).error,
    /pages\/privacy\.md: claims the address \/privacy\/, which the built-in privacy page already uses/,
  );
  const other = await buildInto({ contentDir: await withPractice(await makeContent({}), (p) => (p.hosting = { host: "other" })) });
  assert.match(
    (other.result as { error: string }).error,
    /practice\.yaml: hosting: host "other": also give the company's name and its privacyUrl/,
  );
});
