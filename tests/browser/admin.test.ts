// The staff editor (/admin/, Decap CMS) in real Chromium against Decap's local backend
// (decap-server, the same one `npm run cms` starts) working on a temporary copy of content/,
// so the repository is never modified. Only the site and the local backend may be contacted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { parseFrontMatter } from "../../lib/content/frontmatter.ts";
import { validate } from "../../lib/content/read.ts";
import { postSchema } from "../../lib/schema/content.ts";
import { buildInto, read, DEMO, ROOT } from "../helpers.ts";

const NOW = Date.parse("2026-11-25T18:00:00Z") / 1000;
const VIDEO_POST = "content/blog/2026-10-20-vaccine-questions-video.md";

let repo = "";
let api = "";
let decap: ChildProcess;
let server: StaticServer;
let browser: Browser;
let out = "";
const problems: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function call(action: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const res = await fetch(api, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action, params }),
  });
  assert.equal(res.status, 200, `${action}: HTTP ${res.status} ${await res.clone().text()}`);
  return res.json();
}

before(async () => {
  repo = await mkdtemp(path.join(tmpdir(), "pp-cms-"));
  await cp(path.join(DEMO, "content"), path.join(repo, "content"), { recursive: true });
  const port = await freePort();
  api = `http://127.0.0.1:${port}/api/v1`;
  // decap-server works on GIT_REPO_DIRECTORY (else its working directory); MODE=fs writes files without git.
  decap = spawn(process.execPath, [path.join(ROOT, "node_modules/decap-server/dist/index.js")], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), GIT_REPO_DIRECTORY: repo, MODE: "fs", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    try {
      await call("info");
      break;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // Only this test build names the local backend's URL; a normal build has `local_backend: true`.
  process.env.CMS_LOCAL_BACKEND = api;
  const built = await buildInto({ sourceDateEpoch: NOW });
  delete process.env.CMS_LOCAL_BACKEND;
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
  server = await serveStatic(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  decap?.kill();
});

async function openAdmin(hash = ""): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    ),
  );
  const page = await context.newPage();
  const allowed = [new URL(server.url).origin, new URL(api).origin];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && !allowed.includes(new URL(url).origin))
      problems.push(`request to another origin: ${url}`);
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  await page.goto(`${server.url}/admin/${hash}`);
  // The local backend asks for no password, only a click on "Login".
  const login = page.getByRole("button", { name: /login/i });
  await login.waitFor({ timeout: 20_000 });
  await login.click();
  return page;
}

test("/admin/ is noindex, served with its own policy, and out of the sitemap and search", async () => {
  const html = await read(out, "admin/index.html");
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
  assert.match(html, /<title>Web editor · /);
  // Its own <meta> policy names the GitHub origins the editor may contact; nothing else may name another server.
  assert.doesNotMatch(
    html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""),
    /https?:\/\/(?!www\.juniperhillpeds)/,
    "no script or style from another server",
  );
  assert.doesNotMatch(await read(out, "sitemap.xml"), /admin/);
  assert.doesNotMatch(await read(out, "index.html"), /\/admin\//, "parents' pages never link the editor");
  const res = await fetch(`${server.url}/admin/`);
  assert.match(res.headers.get("content-security-policy")!, /script-src 'self'[^;]* 'unsafe-eval'/);
  assert.equal(res.headers.get("x-robots-tag"), "noindex, nofollow");
  // The site-wide header allows what any page needs; each page narrows it with its own <meta>.
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline';/,
  );
  assert.match(
    await read(out, "index.html"),
    /<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;;/,
    "parents' pages keep the strict policy",
  );
  const config = await read(out, "admin/config.yml");
  assert.match(config, new RegExp(`local_backend:\\s+url: ${api.replace(/[.]/g, "\\.")}`));
});

test("the editor lists every collection from the local backend, contacting nothing else", async () => {
  const page = await openAdmin();
  for (const label of ["Blog posts", "Events", "Pages", "Providers", "Alerts", "Practice details"]) {
    await page.getByRole("link", { name: label, exact: true }).first().waitFor({ timeout: 20_000 });
  }
  await page.getByText("Saturday flu-shot clinics are back this fall").first().waitFor({ timeout: 20_000 });
  // Posts: newest first, each with its date as written in the file.
  await page.goto(`${server.url}/admin/#/collections/posts`);
  await page.getByText("2026-11-24 · Getting through winter colds").first().waitFor({ timeout: 20_000 });
  const list = await page.locator("main, body").first().innerText();
  const newest = list.indexOf("2026-11-24 · Getting through winter colds");
  const oldest = list.indexOf("2025-03-18 · Your newborn's first week");
  assert.ok(newest >= 0 && oldest > newest, "the newest post comes before the oldest");
  await page.context().close();
  assert.deepEqual(problems, []);
});

test("a post typed into the editor is saved as a Markdown author would write it, byte for byte", async () => {
  const page = await openAdmin("#/collections/posts/new");
  const title = page.locator("[id^=title-field]").first();
  await title.waitFor({ timeout: 20_000 });
  // An empty new form has nothing saved: it must not say "Changes saved".
  await page.getByText("No unsaved changes").first().waitFor({ timeout: 20_000 });
  assert.equal(await page.getByText(/changes saved/i).count(), 0);
  await title.fill("Flu clinic: what to bring");
  await page.locator("[id^=date-field]").first().fill("2026-11-20T09:30");
  await page.locator("[id^=description-field]").first().fill("A short list of what to bring to the Saturday flu clinic.");
  // The body is plain Markdown: typed line by line, with Enter, as staff would.
  const lines = [
    "Bring your child's vaccine record.",
    "",
    "## What to bring",
    "",
    "- the insurance card",
    "- a list of medicines",
    "",
    "Call us at *555-0100* if you're running late.",
  ];
  // Found by its accessible name, as a screen reader announces it (Decap gives it none; setup.js does).
  await page.getByRole("textbox", { name: "Text", exact: true }).first().click();
  for (const [i, line] of lines.entries()) {
    if (i) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
  await page.getByText("Unsaved Changes").first().waitFor();
  await page.getByRole("button", { name: "Publish", exact: true }).first().click();
  await page.getByText("Publish now").first().click();
  await page.getByText("Entry saved").first().waitFor({ timeout: 20_000 });
  await page.getByText("No unsaved changes").first().waitFor();
  await page.context().close();
  const file = path.join(repo, "content/blog/2026-11-20-flu-clinic-what-to-bring.md");
  const expected = [
    "---",
    'title: "Flu clinic: what to bring"',
    "date: 2026-11-20T09:30",
    "description: A short list of what to bring to the Saturday flu clinic.",
    "---",
    ...lines,
    "",
  ].join("\n");
  assert.equal(await readFile(file, "utf8"), expected);
  const { existsSync } = await import("node:fs");
  assert.ok(!existsSync(file.replace(/\.md$/, ".es.md")), "no Spanish file for an untranslated post");
  assert.deepEqual(problems, []);
});

test("an entry opened and published without changes keeps its text, video lines and rendering", async () => {
  const before = await readFile(path.join(repo, VIDEO_POST), "utf8");
  const page = await openAdmin("#/collections/posts/entries/2026-10-20-vaccine-questions-video");
  await page.locator("#title-field-1, [id^=title-field]").first().waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Publish", exact: true }).first().click();
  await page.getByText("Publish now").first().click();
  await page.getByText("Entry saved").first().waitFor({ timeout: 20_000 });
  await page.context().close();
  const after = await readFile(path.join(repo, VIDEO_POST), "utf8");
  const a = parseFrontMatter("a.md", before);
  const b = parseFrontMatter("b.md", after);
  assert.ok(!("message" in a) && !("message" in b));
  assert.deepEqual(b.data, a.data, "the same front matter values (the editor may reformat the YAML)");
  assert.equal(b.body.trim(), a.body.trim(), "the body, its video line and attribute line, untouched");
  const { existsSync } = await import("node:fs");
  assert.ok(!existsSync(path.join(repo, VIDEO_POST.replace(/\.md$/, ".es.md"))), "no empty Spanish file for an untranslated post");
  assert.deepEqual(problems, []);
});

test("a Spanish translation written as the editor writes it is a name.es.md sibling that validates and renders", async () => {
  // Decap's i18n (multiple_files) saves each language of an entry as its own file; setup.js keeps
  // the default language's as name.md. Driving the locale switcher is left to Decap's own tests:
  // this writes the Spanish file through the local backend's persistEntry, as the UI does.
  const slug = "2025-03-18-newborn-first-week";
  const en = (await call("getEntry", { branch: "main", path: `content/blog/${slug}.md` })) as { data: string };
  const parsed = parseFrontMatter("en.md", en.data);
  assert.ok(!("message" in parsed));
  const es = [
    "---",
    `title: "La primera semana de su recién nacido: qué es normal y cuándo llamar"`,
    `date: ${JSON.stringify(parsed.data.date)}`,
    `description: "Qué esperar en la primera semana en casa con su bebé y cuándo llamarnos de inmediato."`,
    "---",
    "La primera semana en casa trae muchas preguntas. Aquí le contamos qué es normal.",
    "",
  ].join("\n");
  await call("persistEntry", {
    branch: "main",
    dataFiles: [{ slug, path: `content/blog/${slug}.es.md`, raw: es }],
    assets: [],
    options: { collectionName: "posts", commitMessage: `Translate "${slug}"`, useWorkflow: false, status: "draft" },
  });
  const written = parseFrontMatter("es.md", await readFile(path.join(repo, `content/blog/${slug}.es.md`), "utf8"));
  assert.ok(!("message" in written));
  assert.ok(validate(postSchema, "es.md", written.data).ok);

  const built = await buildInto({ contentDir: path.join(repo, "content"), sourceDateEpoch: NOW });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  const page = await read(built.out, "es/blog/newborn-first-week/index.html");
  assert.match(page, /La primera semana de su recién nacido/);
  assert.match(page, /<html lang="es/);
  // The post typed into the editor renders its heading and list.
  const typed = await read(built.out, "blog/flu-clinic-what-to-bring/index.html");
  assert.match(typed, /<h2[^>]*>What to bring/);
  assert.match(typed, /<li>the insurance card<\/li>/);
  // The post published unchanged in the test above renders exactly as before (its own text: the
  // lists of other posts around it now include the typed one).
  const prose = (html: string) => html.slice(html.indexOf('<div class="prose">'), html.indexOf('<section class="share"'));
  const video = prose(await read(built.out, "blog/vaccine-questions-video/index.html"));
  assert.ok(video.length > 1000, "the post's text is there");
  assert.equal(video, prose(await read(out, "blog/vaccine-questions-video/index.html")));
});
