// `npm start` when a save breaks the build: the real preview server (Eleventy --serve with
// this project's config) on a temporary content folder, real HTTP and Debian's Chromium.
// The problems appear on the page staff are looking at (live reload) and on every page
// without JavaScript, in the build's words; the terminal prints each once, with no stack
// trace; fixing the content brings the real pages back.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { axeViolations } from "../support/axe.ts";
import { parse } from "node-html-parser";
import { makeContent, post, ROOT } from "../helpers.ts";
import { launchBrowser } from "../support/browser.ts";
import type { PreviewSession } from "../support/preview-session.ts";
import { previewOfDemo } from "../support/preview-posts.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const desc = "A plain-language post for parents, written for the preview problems test.";
const ALPHA = "blog/2026-01-05-alpha.md";
const BRAVO = "blog/2026-02-05-bravo.md";
const alpha = (title: string) => post({ title, date: "2026-01-05", description: desc });

const sessions: PreviewSession[] = [];
let browser: Browser | undefined;
after(async () => {
  await browser?.close();
  await Promise.all(sessions.map((s) => s.close()));
});

async function preview(files: Record<string, string>, root = ROOT): Promise<{ session: PreviewSession; content: string }> {
  const content = await makeContent({
    [BRAVO]: post({ title: "Bravo post about snacks", date: "2026-02-05", description: desc }),
    ...files,
  });
  const { session } = await previewOfDemo(content, { sourceDateEpoch: NOW, root });
  sessions.push(session);
  return { session, content };
}

/** A page open in Chromium with the dev server's live-reload connection up, as staff would have it. */
async function openLive(url: string): Promise<Page> {
  browser ??= await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  // Listening from the start: the server's "connected" message can come before goto() returns.
  const connected = new Promise<void>((resolve) =>
    page.on("websocket", (ws) => ws.on("framereceived", (f) => String(f.payload).includes('"connected"') && resolve())),
  );
  await page.goto(url);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no live-reload connection on ${url}`)), 15_000).unref(),
  );
  await Promise.race([connected, timeout]);
  return page;
}

/** What the terminal printed since `from`. */
const since = (session: PreviewSession, from: number) => session.log().slice(from);
const count = (text: string, line: string) => text.split("\n").filter((l) => l === line).length;
/** The terminal's lines about a content file (not Eleventy's own "[11ty] File changed: …"). */
const about = (text: string, file: string) => text.split("\n").filter((l) => l.includes(file) && !l.startsWith("[11ty]"));

async function get(url: string): Promise<{ status: number; html: string }> {
  const res = await fetch(url);
  return { status: res.status, html: await res.text() };
}

test(
  "a broken post: its problem on the open page and every page, once in the terminal; the fix brings the page back",
  { timeout: 240_000 },
  async () => {
    const { session, content } = await preview({ [ALPHA]: alpha("Alpha post about naps") });
    const page = await openLive(`${session.url}/blog/alpha/`);
    assert.equal((await page.locator("h1").first().textContent())?.trim(), "Alpha post about naps");
    assert.equal(await page.locator("#pp-problems").count(), 0, "no banner while the build is good");

    // Break it: no title, and a field the schema does not know.
    const mark = session.log().length;
    await writeFile(path.join(content, ALPHA), post({ date: "2026-01-05", description: desc, colour: "blue" }));
    // Live reload brings the banner up on the page staff are looking at.
    await page.locator("#pp-problems").waitFor({ timeout: 30_000 });
    const printed = since(session, mark);
    const lines = about(printed, "2026-01-05-alpha.md");
    assert.ok(
      lines.some((l) => /alpha\.md(:\d+)?: title: /.test(l)) && lines.some((l) => /alpha\.md(:\d+)?: colour: /.test(l)),
      `the terminal names the file and the fields:\n${printed}`,
    );
    for (const line of lines) assert.equal(count(printed, line), 1, `the terminal prints each problem once:\n${printed}`);
    assert.doesNotMatch(printed, /^\s+at /m, "no stack trace");
    assert.doesNotMatch(printed, /Problem writing Eleventy templates|Original error stack trace/);
    assert.match(printed, /^Build failed: 2 problems in the content\./m);

    // The page shows the same line as the terminal, and is still the last good page underneath.
    assert.deepEqual(await page.locator("#pp-problems li").allTextContents(), lines);
    assert.ok(await page.locator("#pp-problems").isVisible());
    assert.equal((await page.locator("main h1").first().textContent())?.trim(), "Alpha post about naps");
    const banner = await axeViolations(page, { include: "#pp-problems" });
    assert.deepEqual(
      banner.map((v) => `${v.id}: ${v.help}`),
      [],
      "the banner passes axe (contrast included)",
    );

    // Every other page too, without JavaScript, and the problems page of its own.
    const noScript = await browser!.newContext({ javaScriptEnabled: false });
    const home = await noScript.newPage();
    await home.goto(`${session.url}/`);
    assert.ok(await home.locator("#pp-problems").isVisible(), "the banner needs no JavaScript");
    assert.deepEqual(await home.locator("#pp-problems li").allTextContents(), lines);
    await home.locator("#pp-problems a").click();
    assert.equal(new URL(home.url()).pathname, "/_problems/");
    assert.equal(await home.locator("html").getAttribute("lang"), "en");
    assert.equal(await home.locator("h1").count(), 1);
    assert.deepEqual(await home.locator("main li").allTextContents(), lines);
    // axe runs as a script, so in a page that may run them.
    const checked = await page.context().newPage();
    await checked.goto(`${session.url}/_problems/`);
    const problemsPage = await axeViolations(checked);
    assert.deepEqual(
      problemsPage.map((v) => `${v.id}: ${v.help}`),
      [],
      "the problems page passes axe",
    );
    await checked.close();
    // The files in the preview folder are the last good pages: only the server adds the banner.
    assert.doesNotMatch(await readFile(path.join(session.out, "blog/alpha/index.html"), "utf8"), /pp-problems/);

    // Fix it: the open page reloads as the real page, without the banner.
    await writeFile(path.join(content, ALPHA), alpha("Alpha post, fixed"));
    await page.locator("h1", { hasText: "Alpha post, fixed" }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator("#pp-problems").count(), 0);
    const after = await get(`${session.url}/_problems/`);
    assert.match(after.html, /<h1>The preview is up to date<\/h1>/);
    assert.doesNotMatch((await get(`${session.url}/`)).html, /pp-problems/);
  },
);

test(
  "bad YAML before `npm start`: the server stays up and shows the problem until the content is fixed",
  { timeout: 240_000 },
  async () => {
    const { session, content } = await preview({ [ALPHA]: "---\ntitle: [Alpha post about naps\ndate: 2026-01-05\n---\nBody.\n" });
    // The first build's output (ready() has since made another build, which says it again).
    const printed = session.log().slice(0, session.log().search(/Wrote \d+ files?/));
    const [line] = about(printed, "2026-01-05-alpha.md");
    assert.ok(line, `the terminal names the file:\n${printed}`);
    assert.equal(count(printed, line), 1, `printed once:\n${printed}`);
    assert.doesNotMatch(printed, /^\s+at /m, "no stack trace");
    // No page was ever built: any page is the problems page.
    const first = await get(`${session.url}/blog/alpha/`);
    assert.equal(first.status, 503);
    assert.deepEqual(
      parse(first.html)
        .querySelectorAll("main li")
        .map((li) => li.text),
      [line],
    );
    const n = session.builds();
    await writeFile(path.join(content, ALPHA), alpha("Alpha post about naps"));
    await session.waitForBuilds(n);
    await session.waitForFile("blog/alpha/index.html", (t) => t.includes("Alpha post about naps"));
    // The page is written during the build; the problems banner goes when that build ends.
    let fixed = await get(`${session.url}/blog/alpha/`);
    for (let waited = 0; /pp-problems/.test(fixed.html) && waited < 30_000; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      fixed = await get(`${session.url}/blog/alpha/`);
    }
    assert.equal(fixed.status, 200);
    assert.doesNotMatch(fixed.html, /pp-problems/);
  },
);

test(
  "a page that fails to render: named on every page, no stack trace; the other pages are still built",
  { timeout: 240_000 },
  async () => {
    // A copy of the product whose post layout has a bug that one title triggers.
    const product = await mkdtemp(path.join(tmpdir(), "pp-product-"));
    for (const f of [".eleventy.ts", "package.json", "tsconfig.json", "lib", "layouts"])
      await cp(path.join(ROOT, f), path.join(product, f), { recursive: true });
    await symlink(path.join(ROOT, "node_modules"), path.join(product, "node_modules"));
    const index = path.join(product, "lib/build/routes.ts");
    const source = await readFile(index, "utf8");
    const patched = source.replace(
      "export function renderRoute(site: Site, route: Route): string {",
      `$&\n  if (route.kind === "post" && route.post.title.includes("Render bug")) (undefined as unknown as { name: string }).name.toString();`,
    );
    assert.notEqual(patched, source, "the layout was patched");
    await writeFile(index, patched);
    await mkdir(path.join(product, ".cache"), { recursive: true });

    const { session, content } = await preview({ [ALPHA]: alpha("Alpha post about naps") }, product);
    const page = await openLive(`${session.url}/blog/bravo/`);
    const mark = session.log().length;
    await writeFile(path.join(content, ALPHA), alpha("Render bug ahead"));
    await page.locator("#pp-problems").waitFor({ timeout: 30_000 });
    const printed = since(session, mark);
    const line = printed.split("\n").find((l) => l.startsWith("the page /blog/alpha/"));
    assert.ok(line, printed);
    assert.match(
      line,
      /^the page \/blog\/alpha\/ \(from .*2026-01-05-alpha\.md\) could not be written: Cannot read properties of undefined \(reading 'name'\)$/,
    );
    assert.equal(count(printed, line), 1, `printed once:\n${printed}`);
    assert.doesNotMatch(printed, /^\s+at /m, "no stack trace");
    assert.match(printed, /PRACTICE_DEBUG=1/, "says how to see the details");
    assert.deepEqual(await page.locator("#pp-problems li").allTextContents(), [line]);
    // The broken page's own address shows the problems; the rest of the site was rebuilt.
    const broken = await get(`${session.url}/blog/alpha/`);
    assert.equal(broken.status, 503);
    assert.ok(broken.html.includes("could not be written"));
    await writeFile(path.join(content, ALPHA), alpha("Alpha post, fixed"));
    await page.locator("#pp-problems").waitFor({ state: "detached", timeout: 30_000 });
    await session.waitForFile("blog/alpha/index.html", (t) => t.includes("Alpha post, fixed"));
    assert.equal((await get(`${session.url}/blog/alpha/`)).status, 200);
  },
);
