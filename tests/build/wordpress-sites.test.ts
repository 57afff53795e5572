// Small exports that look like real WordPress sites, each imported into a fresh content
// folder and built: the import's own check finds nothing, the first build succeeds, every
// old address either redirects to a page that exists or is named in the report, and no
// page loads a script or frame from another site.
// - maple.xml: a site at the root with /%year%/%monthnum%/%postname%/ permalinks, custom
//   category and tag bases, Greek and percent-encoded slugs, a page WordPress gave "//",
//   Gutenberg blocks (gallery, embeds, table, columns, buttons, cover, file, code), classic
//   shortcodes, YouTube/Vimeo/X/Facebook/Instagram embeds, private, password-protected and
//   scheduled posts, an eight-level thread, paged-comment links, a comment answering
//   itself, an author who matches no provider and two posts titled the same.
// - birch-multisite.xml: a multisite sub-site in /birch/ with /archives/%post_id%
//   permalinks, ?p= links, an attachment page and uploads in sites/4/ (the media folder
//   is a copy of that folder alone).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildInto, htmlFiles, makeContent, read, DEMO, ROOT } from "../helpers.ts";
import { importWordPress, type ImportOutcome } from "../../lib/import/wordpress/run.ts";
import { parseWxr } from "../../lib/import/wordpress/wxr.ts";
import { parseRedirects, type RedirectRule } from "../../lib/content/redirects.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/wordpress");
const EPOCH = 1790000000;

/** Netlify's matching, as far as these rules use it: exact paths (with or without the last "/"), trailing splats, one query parameter. */
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
    if (q !== undefined) continue;
    if (r.from.endsWith("*") ? p.startsWith(r.from.slice(0, -1)) : r.from.replace(/\/$/, "") === p.replace(/\/$/, "")) return r;
  }
  return undefined;
}

interface Case {
  name: string;
  file: string;
  media: string;
  bases?: { categoryBase: string; tagBase: string };
  check: (ctx: { out: string; imported: ImportOutcome; rules: RedirectRule[] }) => Promise<void>;
}

const CASES: Case[] = [
  {
    name: "maple.xml: a root site with date permalinks, custom bases, non-ASCII slugs, blocks, shortcodes, embeds, deep threads",
    file: "maple.xml",
    media: "uploads",
    bases: { categoryBase: "topics", tagBase: "keyword" },
    async check({ out, imported, rules }) {
      const { counts } = imported.plan.report;
      assert.deepEqual(
        { ...counts, redirects: 0 },
        { posts: 8, drafts: 2, privatePosts: 1, scheduled: 1, pages: 2, comments: 10, media: 3, redirects: 0 },
      );
      // Two posts titled the same keep their own addresses.
      assert.match(await read(out, "blog/flu-shots/index.html"), /Flu shots for 2023 are in/);
      assert.match(await read(out, "blog/flu-shots-2/index.html"), /<a href="\/blog\/flu-shots\/">flu shots 2023<\/a>/);
      // Private, password-protected and scheduled posts are not published.
      for (const p of ["blog/staff-rota", "blog/parents-evening", "blog/new-hours"]) assert.ok(!existsSync(path.join(out, p)), p);
      assert.match(
        imported.text,
        /post “Parents' evening notes” \(id 410\): it was password-protected on WordPress: imported as a draft, without the password/,
      );
      // Blocks: gallery pictures, video facades, the X post as a link, table, columns, button, file.
      const visit = await read(out, "blog/what-to-bring/index.html");
      assert.match(visit, /alt="Our waiting room with a toy train"/);
      assert.match(visit, /alt="Growth chart for toddlers"/);
      assert.match(visit, /data-third-party="youtube"/);
      assert.match(visit, /data-third-party="vimeo"/);
      assert.match(visit, /<a href="https:\/\/twitter\.com\/MapleKids\/status\/1712345678901234567">See this post on X \(Twitter\)<\/a>/);
      assert.match(visit, /<th>Age<\/th>/);
      // The cover block: its text stays; its background (decoration, alt="" on WordPress) is not shown as a
      // picture repeating the one above under the media library's description.
      assert.match(visit, /Welcome to Maple Street/);
      assert.equal(
        (visit.match(/alt="Our waiting room with a toy train"/g) ?? []).length,
        2,
        "the featured image and the gallery's photo; the cover's background is not a third",
      );
      assert.match(visit, /Right column: the lift is by the pharmacy\./);
      assert.match(visit, /<a href="https:\/\/portal\.maplekids\.example\/login">Patient portal<\/a>/);
      assert.match(visit, /<a href="\/uploads\/2024\/03\/new-patient-handout\.pdf">New patient handout<\/a>/);
      // With --category-base the old /topics/vaccines/ link goes to the tag's page; the page never imported loses its link, listed.
      assert.match(visit, /<a href="\/blog\/tags\/vaccines\/">vaccine records<\/a>/);
      assert.match(visit, /Our old forms page is gone\./);
      assert.match(
        imported.text,
        /\nLinks to old-site pages that were not imported \(the text is kept, without the link\) \(1\):\n  post “What to bring to your first visit” \(id 404\): a link to the old site's \/old-forms\/ was removed/,
      );
      // Classic shortcodes and pasted embed code: pictures, facades, links; never a network's script.
      const classic = await read(out, "blog/cafe-hours/index.html");
      assert.match(classic, /<figcaption>The waiting room<\/figcaption>|The waiting room/);
      assert.equal((classic.match(/data-third-party="(youtube|vimeo)"/g) ?? []).length, 2);
      for (const link of [
        "https://www.instagram.com/p/CxYz123abc/",
        "https://www.facebook.com/maplekids/posts/1234567890",
        "https://www.facebook.com/maplekids/posts/987654321",
        "https://www.instagram.com/p/Cabc987/",
      ]) {
        assert.ok(classic.includes(`href="${link}"`), link);
      }
      assert.match(imported.text, /\nEmbeds turned into links, or removed \(6\):\n/);
      assert.match(
        imported.text,
        /\nMedia not copied \(2\):\n  post “What to bring to your first visit” \(id 404\): image waiting-room\.jpg was a cover block's background \(decoration, no alt text\): left out.*\n  post “Classic editor post” \(id 408\): \[video\] shortcode removed \(https:\/\/maplekids\.example\/wp-content\/uploads\/2024\/05\/tour\.mp4\)/,
      );
      assert.doesNotMatch(imported.text, /<script> removed/, "the networks' loaders go with their embeds");
      // Comments: an eight-level thread, a comment answering itself shown on its own, spam and pending left out.
      const greek = await read(out, "blog/epipedo/index.html");
      assert.match(greek, /Reply number 8 in the thread\./);
      assert.match(greek, /This comment says it answers itself\./);
      assert.match(imported.text, /comment 9010 by “Nikos” on “Επίπεδο: Easter hours”: its thread leads back to itself in the export/);
      assert.match(imported.text, /\nComments left out \(3\): 1 spam, 1 pending, 1 pingback\n/);
      // Old addresses: the Greek post (lower- and upper-case escapes), paged comments, the "//" page, the custom bases.
      const to = (a: string) => match(rules, a)?.to;
      assert.equal(to("/2024/04/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf/"), "/blog/epipedo/");
      assert.equal(to("/2024/04/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF/comment-page-2/"), "/blog/epipedo/");
      assert.equal(to("/greek/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2/"), "/epipedo-2/");
      assert.equal(to("/topics/vaccines/"), "/blog/tags/vaccines/");
      assert.equal(to("/keyword/%CE%B3%CF%81%CE%AF%CF%80%CE%B7/"), "/blog/tags/gripi/");
      assert.equal(to("/2024/05/caf%C3%A9-hours/"), "/blog/cafe-hours/");
      assert.equal(to("/2024/03/what-to-bring/waiting-room/"), "/blog/what-to-bring/");
      assert.equal(to("/?p=405"), "/blog/epipedo/");
      assert.equal(to("/author/office/"), "/blog/");
      assert.equal(to("/wp-content/uploads/2024/03/new-patient-handout.pdf"), "/uploads/2024/03/new-patient-handout.pdf");
      assert.match(imported.text, /author “Office Manager”: matches no provider's name/);
    },
  },
  {
    name: "birch-multisite.xml: a multisite sub-site in /birch/ with /archives/%post_id% permalinks and uploads in sites/4/",
    file: "birch-multisite.xml",
    media: "uploads-birch",
    async check({ out, imported, rules }) {
      assert.equal(imported.plan.report.counts.media, 1);
      const rooms = await read(out, "blog/our-new-exam-rooms/index.html");
      assert.match(rooms, /alt="A bright exam room with a height chart"/);
      assert.match(rooms, /<a href="\/blog\/the-waiting-list-is-open\/">the waiting list<\/a>/);
      assert.match(rooms, /<a href="\/hours\/">hours<\/a>/);
      // Another sub-site of the network is another site: its link stays.
      assert.match(rooms, /<a href="https:\/\/clinics\.example\/oak\/archives\/7">Oak Street clinic<\/a>/);
      assert.match(rooms, /Thank you, Sam\./);
      const to = (a: string) => match(rules, a)?.to;
      assert.equal(to("/birch/archives/501"), "/blog/our-new-exam-rooms/");
      assert.equal(to("/birch/archives/502/"), "/blog/the-waiting-list-is-open/");
      assert.equal(to("/birch/?p=502"), "/blog/the-waiting-list-is-open/");
      assert.equal(to("/birch/?attachment_id=601"), "/blog/our-new-exam-rooms/");
      assert.equal(to("/birch/hours/"), "/hours/");
      assert.equal(to("/birch/"), "/blog/");
      assert.equal(to("/birch/category/news/"), "/blog/tags/news/");
      assert.equal(to("/birch/author/dreyes/"), "/providers/daniel-reyes/");
      assert.equal(to("/wp-content/uploads/sites/4/2024/02/exam-room-768x512.jpg"), "/blog/");
      assert.equal(to("/wp-content/uploads/sites/4/2024/02/exam-room.jpg"), "/blog/our-new-exam-rooms/");
      assert.equal(to("/wp-content/uploads/sites/5/2024/02/other.jpg"), undefined, "another sub-site's uploads are not this site's");
      // The network's own root is not the sub-site's: never redirected.
      assert.equal(to("/"), undefined);
    },
  },
];

for (const c of CASES) {
  test(c.name, async () => {
    const exportFile = path.join(FIXTURES, c.file);
    const content = await makeContent({
      "pages/comment-received.md": await readFile(path.join(DEMO, "content/pages/comment-received.md"), "utf8"),
    });
    const imported = await importWordPress({
      exportFile,
      contentDir: content,
      mediaDir: path.join(FIXTURES, c.media),
      root: DEMO,
      ...c.bases,
    });
    // The import's own check (the same as npm run check) finds nothing, and the first build succeeds.
    assert.deepEqual(imported.problems, []);
    assert.doesNotMatch(imported.text, /Fix before building/);
    const { out, result } = await buildInto({ contentDir: content, sourceDateEpoch: EPOCH });
    assert.ok(result.ok, result.ok ? "" : result.error);
    const { rules, problems } = parseRedirects(await read(out, "_redirects"));
    assert.deepEqual(problems, []);

    // Every public address of the old site redirects to a page that exists, or the report names it.
    const wxr = parseWxr(await readFile(exportFile, "utf8"));
    const local = (u: string) => {
      const url = new URL(u);
      return `${url.pathname.replace(/\/{2,}/g, "/")}${url.search}`;
    };
    const unaccounted: string[] = [];
    for (const it of wxr.items) {
      const published = it.status === "publish" && !it.password;
      if (it.type === "attachment" || ((it.type === "post" || it.type === "page") && published)) {
        const address = local(it.link);
        const rule = match(rules, address);
        if (rule) {
          const target = rule.to.split("?")[0]!;
          assert.ok(
            existsSync(path.join(out, target.endsWith("/") ? `${target}index.html` : target)),
            `${address} → ${rule.to}: no such page`,
          );
        } else if (!imported.text.includes(address) && !existsSync(path.join(out, address, "index.html"))) unaccounted.push(address);
      }
    }
    assert.deepEqual(unaccounted, []);

    // Nothing on any page loads from another site or runs a network's script.
    for (const file of await htmlFiles(out)) {
      const html = await read(out, file);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        assert.match(tag, /^<script (type="application\/ld\+json"|type="module" src="\/assets\/js\/[a-z-]+\.js")>$/, `${file}: ${tag}`);
      assert.doesNotMatch(html, /<(iframe|object|embed)\b/i, file);
      assert.doesNotMatch(html, /(src|srcset|poster)="(https?:)?\/\//i, file);
      assert.doesNotMatch(html, /platform\.twitter|connect\.facebook|instagram\.com\/embed/, file);
    }
    await c.check({ out, imported, rules });
  });
}
