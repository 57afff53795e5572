// The site's photography: the home page's photo (practice.yaml brand.hero), post thumbnails
// in lists, round portraits or initials in the team grid, and the post page's sidebar.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { parse } from "node-html-parser";
import { buildInto, makeContent, post, read } from "../helpers.ts";
import { initials } from "../../lib/content/photos.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
let out = "";

before(async () => {
  const dir = await makeContent({
    "blog/with-photo.md": post({ ...ok, title: "With a photo", image: "./beach.jpg", imageAlt: "Kids at the beach", tags: ["summer"] }),
    "blog/without-photo.md": post({ ...ok, date: "2024-02-01", title: "Without a photo", tags: ["summer"] }),
    "blog/other.md": post({ ...ok, date: "2024-01-01", title: "Another topic", tags: ["winter"] }),
    "blog/oldest.md": post({ ...ok, date: "2023-12-01", title: "Oldest, same topic", tags: ["summer"] }),
    "pages/about.md": post(
      { title: "Our team", description: "The people who care for your children at the practice.", blocks: ["providers"] },
      "Meet us.",
    ),
    "providers/ana-lopez.md": post(
      { name: "Dr. Ana López", credentials: "MD", role: "Pediatrician", order: 9, photo: "./ana.jpg" },
      "Dr. López sees children of every age.",
    ),
  });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 160, b: 200 } } })
    .jpeg()
    .toFile(path.join(dir, "blog/beach.jpg"));
  await sharp({ create: { width: 800, height: 1000, channels: 3, background: { r: 200, g: 160, b: 120 } } })
    .jpeg()
    .toFile(path.join(dir, "providers/ana.jpg"));
  const built = await buildInto({ contentDir: dir });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

test("the home page shows brand.hero beside the welcome: described in each language, sized, fetched at once", async () => {
  for (const [file, alt] of [
    ["index.html", "Illustration: green rolling hills and trees under a warm morning sun"],
    ["es/index.html", "Ilustración: colinas verdes y árboles bajo un cálido sol de la mañana"],
  ] as const) {
    const doc = parse(await read(out, file));
    assert.equal(doc.querySelector("section.hero")!.getAttribute("class"), "hero hero--photo");
    const img = doc.querySelector(".hero__media picture img")!;
    assert.equal(img.getAttribute("alt"), alt, file);
    assert.equal(img.getAttribute("loading"), "eager");
    assert.equal(img.getAttribute("fetchpriority"), "high");
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["1600", "1200"]);
    assert.deepEqual(
      doc.querySelectorAll(".hero__media source").map((s) => s.getAttribute("type")),
      ["image/avif", "image/webp"],
    );
    // The call button comes before the photo, on every screen.
    const html = doc.querySelector("section.hero")!.innerHTML;
    assert.ok(html.indexOf("button--big") < html.indexOf("<picture"), file);
  }
});

test("blog lists show a small, lazy, decorative thumbnail for posts with an image, and none for the others", async () => {
  const doc = parse(await read(out, "blog/index.html"));
  const cards = doc.querySelectorAll(".post-card");
  const withPhoto = cards.find((c) => c.querySelector(".post-card__title")!.text.trim() === "With a photo")!;
  const without = cards.find((c) => c.querySelector(".post-card__title")!.text.trim() === "Without a photo")!;
  assert.equal(withPhoto.getAttribute("class"), "card post-card post-card--thumb");
  const img = withPhoto.querySelector(".post-card__thumb img")!;
  assert.equal(img.getAttribute("alt"), "");
  assert.equal(img.getAttribute("loading"), "lazy");
  assert.equal(img.getAttribute("sizes"), "(min-width: 40rem) 7rem, 5.5rem");
  // Encoded at the widths a 7rem slot can use (480 and 800 px, lib/outputs/image-widths.ts widestUseful), not up to 1600.
  assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["800", "533"]);
  assert.equal(without.getAttribute("class"), "card post-card");
  assert.equal(without.querySelector("img"), null);
  // The post page itself keeps its described, eager image.
  const page = parse(await read(out, "blog/with-photo/index.html"));
  assert.equal(page.querySelector(".post__image img")!.getAttribute("alt"), "Kids at the beach");
});

test("the team grid shows a round portrait, or the provider's initials (hidden from screen readers), never an empty box", async () => {
  const doc = parse(await read(out, "about/index.html"));
  const cards = doc.querySelectorAll(".provider-card");
  const byName = (n: string) => cards.find((c) => c.querySelector("h3")!.text.includes(n))!;
  const ana = byName("Ana López").querySelector(".provider-card__photo img")!;
  assert.equal(ana.getAttribute("alt"), "");
  assert.equal(ana.getAttribute("loading"), "lazy");
  assert.equal(ana.getAttribute("sizes"), "7rem");
  const monograms = cards.map((c) => c.querySelector(".monogram"));
  assert.deepEqual(
    monograms.map((m) => m && [m.text.trim(), m.getAttribute("aria-hidden")]),
    [["MO", "true"], ["DR", "true"], ["PN", "true"], null],
  );
  assert.ok(
    cards.every((c) => c.querySelector(".provider-card__photo")),
    "every card has a portrait or initials",
  );
});

test("a post page has a sidebar: call, the nurse line, when to call, and related posts (shared tags first)", async () => {
  const doc = parse(await read(out, "blog/with-photo/index.html"));
  const aside = doc.querySelector("aside.post-aside")!;
  assert.equal(aside.querySelector(".post-aside__call a")!.getAttribute("href"), "tel:5035550142");
  assert.deepEqual(
    aside.querySelectorAll(".post-aside__list a").map((a) => a.text.trim()),
    ["Oldest, same topic", "Another topic"],
  );
  // The aside sits after the article, so phones read the post first.
  const shell = doc.querySelector(".post-layout")!;
  assert.deepEqual(
    shell.childNodes.filter((n) => "tagName" in n).map((n) => (n as unknown as { tagName: string }).tagName),
    ["ARTICLE", "ASIDE"],
  );
});

test("brand.hero must be a photo under /assets/ that exists, with a description", async () => {
  const dir = await makeContent({});
  const yamlFile = path.join(dir, "_data/practice.yaml");
  const yaml = await readFile(yamlFile, "utf8");
  const hero = /  hero:\n(    .*\n|      .*\n)+/;
  assert.match(yaml, hero);
  const problems = async (replacement: string) => {
    await writeFile(yamlFile, yaml.replace(hero, replacement));
    const { result } = await buildInto({ contentDir: dir });
    assert.equal(result.ok, false);
    return (result as { problems: readonly { field?: string; message: string }[] }).problems.map((p) => `${p.field}: ${p.message}`);
  };
  assert.deepEqual(await problems("  hero:\n    image: /photos/hero.gif\n    alt: A photo\n"), [
    'brand.hero.image: expected a photo (JPEG, PNG, WebP or AVIF) under /assets/, e.g. /assets/waiting-room.jpg, got "/photos/hero.gif"',
  ]);
  assert.deepEqual(await problems("  hero:\n    image: /assets/nowhere.jpg\n    alt: A photo\n"), [
    'brand.hero.image: image "/assets/nowhere.jpg" does not exist',
  ]);
  assert.deepEqual(await problems("  hero:\n    image: /assets/hero.jpg\n"), ["brand.hero.alt: is required"]);
});

test("initials: first and last names, titles and parentheses left out", () => {
  assert.equal(initials("Dr. Maya Okafor"), "MO");
  assert.equal(initials("Priya Natarajan"), "PN");
  assert.equal(initials("Dra. Ana María López García"), "AG");
  assert.equal(initials("Dr. Ángel (Angie) Ñúñez"), "ÁÑ");
  assert.equal(initials("Cher"), "C");
  assert.equal(initials("dr. émile zola"), "ÉZ");
});
