// Medical review: "Medically reviewed by <provider> on <date>" under the title of posts
// and pages, on the model for JSON-LD, and checked like `author`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "node-html-parser";
import { buildInto, makeContent, post, read, DEMO } from "../helpers.ts";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { ContentError, formatProblem } from "../../lib/content/problems.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
const page = (front: string) =>
  `---\ntitle: Croup\ndescription: What to do when your child has a barking cough at night.\n${front}\n---\nBody.\n`;

test("a reviewed post and page show who reviewed them, linked, with the date", async () => {
  const dir = await makeContent({
    "blog/rsv.md": post({ ...ok, title: "RSV season", reviewedBy: "maya-okafor", reviewed: "2026-01-15" }),
    "pages/croup.md": page('reviewedBy: daniel-reyes\nreviewed: "2025-12-01"'),
    "blog/plain.md": post({ ...ok, title: "No review" }),
  });
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));

  const postDoc = parse(await read(out, "blog/rsv/index.html"));
  const line = postDoc.querySelector(".post__head .review");
  assert.ok(line, "review line inside the post's header, under the title");
  assert.equal(line.textContent.replace(/\s+/g, " ").trim(), "Medically reviewed by Dr. Maya Okafor, MD, FAAP on January 15, 2026");
  assert.equal(line.querySelector("a")?.getAttribute("href"), "/providers/maya-okafor/");
  assert.equal(line.querySelector("time")?.getAttribute("datetime"), "2026-01-15");

  const pageDoc = parse(await read(out, "croup/index.html"));
  const h1 = pageDoc.querySelector("article h1")!;
  assert.ok(h1.nextElementSibling?.classList.contains("review"), "directly under the page title");
  assert.match(h1.nextElementSibling!.textContent, /Medically reviewed by Dr\. Daniel Reyes, .+ on December 1, 2025/);

  assert.equal(parse(await read(out, "blog/plain/index.html")).querySelector(".review"), null);
});

test("the model carries reviewedBy (the provider) and reviewed (a zoned date) for JSON-LD", async () => {
  const dir = await makeContent({
    "blog/rsv.md": post({ ...ok, title: "RSV", reviewedBy: "maya-okafor", reviewed: "2026-01-15" }),
    "pages/croup.md": page('reviewedBy: maya-okafor\nreviewed: "2026-01-15"'),
  });
  const site = await loadSite({ root: DEMO, contentDir: dir, mode: "production", clock: fixedClock("2026-06-01T12:00:00Z") });
  const p = site.byLang.en!.posts.find((x) => x.key === "rsv")!;
  assert.equal(p.reviewedBy?.kind, "provider");
  assert.equal(p.reviewedBy?.key, "maya-okafor");
  assert.equal(p.reviewed?.dt.toISODate(), "2026-01-15");
  assert.equal(p.reviewed?.dt.zoneName, site.zone);
  const pg = site.byLang.en!.pages.find((x) => x.key === "croup")!;
  assert.equal(pg.reviewedBy?.name, "Dr. Maya Okafor");
});

test("an unknown reviewer, or a reviewer without a date (and the reverse), is a problem", async () => {
  const dir = await makeContent({
    "blog/a.md": post({ ...ok, title: "A", reviewedBy: "dr-nobody", reviewed: "2026-01-15" }),
    "blog/b.md": post({ ...ok, title: "B", reviewedBy: "maya-okafor" }),
    "pages/c.md": page('reviewed: "2026-01-15"'),
    "pages/d.md": page('reviewedBy: "Dr. Okafor"\nreviewed: "2026-02-30"'),
  });
  await assert.rejects(
    loadSite({ root: DEMO, contentDir: dir, mode: "production", clock: fixedClock("2026-06-01T12:00:00Z") }),
    (err: unknown) => {
      assert.ok(err instanceof ContentError);
      const lines = err.problems.map(formatProblem).map((l) => l.replace(/^.*content\//, ""));
      assert.ok(
        lines.some((l) => l.startsWith('blog/a.md: reviewedBy: no provider with the slug "dr-nobody" (known: ')),
        lines.join("\n"),
      );
      assert.ok(
        lines.includes('blog/b.md: reviewed: give the date of the medical review too, e.g. reviewed: "2026-01-15"'),
        lines.join("\n"),
      );
      assert.ok(
        lines.includes("pages/c.md: reviewedBy: give the reviewing provider too (a provider's file name, e.g. maya-okafor)"),
        lines.join("\n"),
      );
      assert.ok(
        lines.some((l) => /^pages\/d\.md:\d+: reviewedBy: expected a slug such as jane-doe, got "Dr\. Okafor"$/.test(l)),
        lines.join("\n"),
      );
      assert.ok(
        lines.some((l) => /^pages\/d\.md:\d+: reviewed: February 2026 has only 28 days; check the day, got "2026-02-30"$/.test(l)),
        lines.join("\n"),
      );
      return true;
    },
  );
});

test("a reviewer whose page is a draft is named without a link in production", async () => {
  const dir = await makeContent({
    "providers/new-doc.md": '---\nname: "Dr. New"\ncredentials: MD\nrole: Pediatrician\ndraft: true\n---\nBio.\n',
    "blog/rsv.md": post({ ...ok, title: "RSV", reviewedBy: "new-doc", reviewed: "2026-01-15" }),
  });
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const line = parse(await read(out, "blog/rsv/index.html")).querySelector(".review")!;
  assert.equal(line.querySelector("a"), null);
  assert.match(line.textContent, /Medically reviewed by Dr\. New, MD on/);
});
