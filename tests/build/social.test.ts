// Social profiles, share links and Open Graph cards: plain links and first-party files only.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { parse } from "node-html-parser";
import sharp from "sharp";
import path from "node:path";
import { buildInto, htmlFiles, read } from "../helpers.ts";

let out = "";
before(async () => {
  const built = await buildInto();
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

test("every page has Open Graph and Twitter card tags with an absolute 1200×630 image", async () => {
  const meta = await sharp(path.join(out, "assets/social-card.png")).metadata();
  assert.deepEqual([meta.width, meta.height, meta.format], [1200, 630, "png"]);
  for (const file of await htmlFiles(out)) {
    const doc = parse(await read(out, file));
    const og = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
    assert.ok(og("og:title") && og("og:description"), file);
    // Posts with their own image share a crop of it; every other page shares the practice's card.
    assert.match(og("og:image")!, /^https:\/\/www\.juniperhillpeds\.example\/(assets\/social-card\.png|img\/og-[0-9a-f]+\.jpg)$/, file);
    if (!/sun-safety/.test(file)) assert.equal(og("og:image"), "https://www.juniperhillpeds.example/assets/social-card.png", file);
    assert.equal(og("og:image:width"), "1200");
    assert.ok(og("og:image:alt"), file);
    assert.equal(doc.querySelector('meta[name="twitter:card"]')?.getAttribute("content"), "summary_large_image");
    if (file !== "404.html") assert.match(og("og:url")!, /^https:\/\/www\.juniperhillpeds\.example\//, file);
  }
  const post = parse(await read(out, "blog/sleep-and-teens/index.html"));
  assert.equal(post.querySelector('meta[property="og:type"]')!.getAttribute("content"), "article");
  assert.equal(post.querySelector('meta[property="article:published_time"]')!.getAttribute("content"), "2026-03-10");
});

test("posts have plain share links for X, Facebook, LinkedIn, Bluesky and email, and a copy button hidden without script", async () => {
  const doc = parse(await read(out, "blog/sleep-and-teens/index.html"));
  const hrefs = doc.querySelectorAll(".share a").map((a) => a.getAttribute("href")!);
  const url = encodeURIComponent("https://www.juniperhillpeds.example/blog/sleep-and-teens/");
  assert.ok(hrefs.some((h) => h.startsWith("https://x.com/intent/post?") && h.includes(url)));
  assert.ok(hrefs.includes(`https://www.facebook.com/sharer/sharer.php?u=${url}`));
  assert.ok(hrefs.includes(`https://www.linkedin.com/sharing/share-offsite/?url=${url}`));
  assert.ok(hrefs.some((h) => h.startsWith("https://bsky.app/intent/compose?text=") && h.includes(url)));
  assert.ok(hrefs.some((h) => h.startsWith("mailto:?subject=") && h.includes(url)));
  const copy = doc.querySelector("button[data-copy]")!;
  assert.equal(copy.getAttribute("hidden"), "");
  const scripts = doc.querySelectorAll("script[src]").map((s) => s.getAttribute("src"));
  assert.ok(
    scripts.every((s) => s!.startsWith("/assets/js/")),
    scripts.join(", "),
  );
});

test("social profiles from practice.yaml are in every footer with icons, names and rel=me", async () => {
  const doc = parse(await read(out, "index.html"));
  const links = doc.querySelectorAll("footer a.social");
  assert.deepEqual(
    links.map((a) => a.text.trim()),
    ["X (Twitter)", "Facebook", "Instagram", "YouTube"],
  );
  for (const a of links) {
    assert.equal(a.getAttribute("rel"), "me noopener");
    assert.equal(a.querySelector("svg")!.getAttribute("aria-hidden"), "true");
    const use = a.querySelector("svg use")!.getAttribute("href")!;
    const [file, id] = use.split("#");
    assert.equal(file, "/assets/social-icons.svg");
    // The icon itself comes from one cached sprite file, not inlined on every page.
    const sprite = parse(await read(out, "assets/social-icons.svg"));
    assert.ok(sprite.querySelector(`symbol#${id} path`)!.getAttribute("d")!.length > 20, id);
  }
});
