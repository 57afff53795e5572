// The Eleventy configuration of a build session: load the site model before each build,
// then write one page per route through the layouts. Content files are read by
// lib/content, never by Eleventy's template engines, so Markdown is data and never code.
// .eleventy.ts (npm start) and lib/build/build.ts (npm run build) both call configure().
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { CSS_PATH, PUBLIC_DIR, publicFile } from "../outputs/assets.ts";
import { paletteCss } from "../model/brand.ts";
import { renderRoute } from "./routes.ts";
import { staffHtml } from "../../layouts/staff.tsx";
import { recordIndexedPage } from "../outputs/search/shards.ts";
import { outputFile } from "../model/search.ts";
import { addAdmin } from "../cms/admin.ts";
import { addStaffPage } from "../staff/page.ts";
import { staffReport } from "../staff/report.ts";
import { socialCardSvg, writeSocialCard } from "../outputs/social-card.ts";
import { publishImages } from "../outputs/images.ts";
import { startBackgroundImages } from "../outputs/image-queue.ts";
import { writeIcons } from "../outputs/icons.ts";
import { writeMinifiedCss } from "../outputs/css.ts";
import { addKitPage, loadKit, writeKitImages } from "../kit/page.ts";
import type { Kit } from "../kit/items.ts";
import { kitHtml } from "../../layouts/kit.tsx";
import { ContentError, formatProblem, PageRenderError } from "../content/problems.ts";
import { routeFile } from "../content/addresses.ts";
import { copyDereferenced, findLinks, relName } from "../content/inside.ts";
import type { Route, Site } from "../model/model.ts";
import { failedPage, pausedWhen, previewStatus } from "../preview/config.ts";
import { createWrittenPages } from "../preview/unchanged.ts";
import { loadModel, type BuildSession } from "./session.ts";

/** Eleventy's input: a folder with no templates (see its README), so nothing in content/ runs as code. */
export const NO_TEMPLATES = fileURLToPath(new URL("./no-templates/", import.meta.url));

export function configure(cfg: UserConfig, session: BuildSession): void {
  const opts = session.options;
  // The social card and icons are kept in the project's own .cache/, as they always were
  // (cacheDir, which tests and the bench move elsewhere, holds the images and search bundles).
  const projectCache = path.join(opts.root, ".cache");
  // The preview's "background images done" signal (below).
  const signal = path.join(opts.cacheDir, "preview", `${process.pid}.signal`);
  let signals = 0;
  let site: Site | undefined;
  let byUrl = new Map<string, Route>();
  let outDir: string | undefined;
  // The social kit of the current site (preview only), worked out once for its page and its images.
  let kit: Kit | undefined;
  // `npm start`: a build that fails writes no page and says why, once, in the terminal and
  // on the pages the preview serves; Eleventy, given the error, would print it three times
  // with a stack trace and stop the server when it was the first build.
  const preview = opts.run === "serve" ? previewStatus(cfg, () => outDir, opts.prefix) : undefined;
  // Rebuilds after a save (npm start, eleventy --watch) skip writing pages that came out as last time.
  const written = opts.run === "build" ? undefined : createWrittenPages();

  const before = async ({ directories }: { directories: { output: string } }) => {
    site = undefined;
    kit = undefined;
    outDir = directories.output;
    try {
      site = await loadModel(session);
    } catch (err) {
      // With `eleventy --watch` the list is what staff need to see; Eleventy keeps watching.
      if (err instanceof ContentError && !preview) console.error(err.problems.map(formatProblem).join("\n"));
      throw err;
    }
    byUrl = new Map(site.routes.map((r) => [r.url, r]));
    if (opts.mode === "preview") kit = await loadKit(site, opts.contentDir);
    const p = site.practice;
    await writeSocialCard(
      socialCardSvg(p.name, p.tagline, p.phone, {
        palette: site.brand,
        logo: p.logo ? await readFile(path.join(opts.root, p.logo)).catch(() => undefined) : undefined,
        logoType: p.logo?.endsWith(".png") ? "image/png" : "image/svg+xml",
      }),
      directories.output,
      projectCache,
    );
    await writeIcons({
      logo: `${opts.root}${p.logo ?? "/assets/favicon.svg"}`,
      outDir: directories.output,
      cacheDir: projectCache,
      name: p.name,
      shortName: p.name.split(/\s+/).slice(0, 2).join(" "),
      themeColor: site.themeColor,
      prefix: site.prefix,
    });
  };
  cfg.on("eleventy.before", async (args: { directories: { output: string } }) => {
    if (!preview) return before(args);
    preview.begin();
    try {
      await before(args);
    } catch (err) {
      site = undefined;
      byUrl = new Map();
      preview.fail(err);
    }
  });

  const after = async ({ directories }: { directories: { output: string } }) => {
    // A build whose content failed wrote nothing; the preview keeps the last good pages as they are.
    if (!site) return;
    const out = directories.output;
    // assets/ and the documents kept with the content (e.g. PDFs from a WordPress import, at
    // /uploads/), copied as files: Eleventy's passthrough copy would publish a link as a link,
    // and a deploy step that follows links would upload whatever it leads to. lib/content
    // checked both folders before the build (lib/content/inside.ts, published.ts).
    copyDereferenced(path.resolve(opts.root, "assets"), path.join(out, "assets"));
    // The product's stylesheet and scripts, after the practice's files: a practice file of the same name never replaces them.
    copyDereferenced(PUBLIC_DIR, path.join(out, "assets"));
    copyDereferenced(path.join(opts.contentDir, "uploads"), path.join(out, "uploads"));
    await publishImages(site.imageFiles, out);
    // The preview's new photos, encoded now that this build's pages are written.
    if (opts.run !== "build") startBackgroundImages(session.pendingImages, () => signalPreview(signal, ++signals));
    if (kit) await writeKitImages(kit, out, opts.cacheDir);
    // After the copy above, so the published stylesheet is the minified one.
    // The practice's palette (practice.yaml `brand`) goes at the end, overriding the stylesheet's own.
    const palette = site.brand ? paletteCss(site.brand) : "";
    if (opts.run === "build") await writeMinifiedCss(out, palette, projectCache);
    else if (palette) appendFileSync(publicFile(CSS_PATH).replace(PUBLIC_DIR, path.join(out, "assets")), palette);
    // The built site holds files only: a link in it could publish any file of this machine.
    const links = findLinks(out);
    if (links.length) {
      throw new ContentError(
        links.map((abs) => ({
          file: relName(opts.root, abs),
          message: "is a link in the built site; the build publishes files only (report this: a step of the build made it)",
        })),
      );
    }
  };
  cfg.on("eleventy.after", async (args: { directories: { output: string } }) => {
    if (!preview) return after(args);
    try {
      await after(args);
    } catch (err) {
      preview.fail(err);
    }
    preview.finish();
  });

  // Only URLs pass through Eleventy's data cascade (it deep-copies data); the model stays here.
  if (opts.run === "build") {
    // `npm run build` writes every page itself (Eleventy keeps the HTML of every page it
    // writes until the build ends, so memory would grow with the site), and Eleventy gets
    // one template page per batch of routes rather than one per route: what Eleventy does
    // per page (data, permalink, output path) buys nothing here. Each batch's permalink is
    // its first route's, which no other template takes; the render gives Eleventy nothing
    // to write there. docs/developers/performance.md has the figures.
    cfg.addGlobalData("routeBatches", () => batches([...byUrl.keys()], BATCH));
    cfg.addTemplate("routes.11ty.js", {
      data: {
        pagination: { data: "routeBatches", size: 1, alias: "batch" },
        permalink: (data: { batch: string[] }) => data.batch[0],
        eleventyExcludeFromCollections: true,
      },
      render: (data: { batch: string[] }) => {
        for (const url of data.batch) {
          const route = byUrl.get(url)!;
          let html: string;
          try {
            html = renderRoute(site!, route);
          } catch (err) {
            throw new PageRenderError(route.url, routeFile(route), err);
          }
          // Only `npm run build` indexes the site for search (lib/build/build.ts).
          recordIndexedPage(session.digests, route, html);
          writePage(path.join(outDir!, outputFile(url)), html);
          session.pagesWritten++;
        }
        return undefined;
      },
    });
  } else {
    cfg.addGlobalData("routeUrls", () => [...byUrl.keys()]);
    cfg.addTemplate("routes.11ty.js", {
      data: {
        pagination: { data: "routeUrls", size: 1, alias: "routeUrl" },
        permalink: (data: { routeUrl: string }) => data.routeUrl,
        eleventyExcludeFromCollections: true,
      },
      render: (data: { routeUrl: string; page: { outputPath: string } }) => {
        const route = byUrl.get(data.routeUrl)!;
        // undefined: Eleventy writes nothing, and the file keeps the same HTML from the last build.
        const changed = (html: string) => (written?.unchanged(data.page.outputPath, html) ? undefined : html);
        try {
          return changed(renderRoute(site!, route));
        } catch (err) {
          const failure = new PageRenderError(route.url, routeFile(route), err);
          if (preview) return changed(failedPage(preview, failure, route.url));
          throw failure;
        }
      },
    });
  }

  // In `npm start` a build whose content failed has no site to render the two below from: they write nothing then (lib/preview/config.ts).
  const parts = preview ? pausedWhen(cfg, () => !site) : cfg;
  // The staff editor at /admin/ (Decap CMS): not a route of the model, so never in menus, sitemap or search.
  addAdmin(parts, () => site);
  // The staff checks at /_staff/: preview builds only (lib/staff/page.ts).
  addStaffPage(parts, opts.mode, () => staffHtml(site!, staffReport(site!)));
  // The social kit at /_staff/social-kit/: preview builds only (lib/kit/page.ts).
  addKitPage(parts, opts.mode, () => kitHtml(site!, kit!));
  cfg.setTemplateFormats(["11ty.js"]);
  // assets/ and content/uploads/ are copied after each build (eleventy.after above); the
  // preview server rebuilds, and so copies them again, when one of their files changes.
  cfg.addWatchTarget(`${opts.contentDir}/**/*.{md,yaml}`);
  cfg.addWatchTarget(`${opts.contentDir}/uploads/**`);
  cfg.addWatchTarget(`${opts.root}/assets/**`);
  // When a photo the preview encoded in the background (lib/outputs/images.ts) is done, this
  // session's own signal file is rewritten: the rebuild that follows swaps the stand-in for
  // the real picture. Its own file, so another build writing to the same cache sets off nothing.
  if (opts.run !== "build") {
    mkdirSync(path.dirname(signal), { recursive: true });
    writeFileSync(signal, "");
    cfg.addWatchTarget(`${path.dirname(signal)}/*.signal`);
    // Eleventy's watcher leaves out what .gitignore lists, and .gitignore lists .cache/. Its
    // input holds no templates (lib/build/no-templates/), so the file only ever served to
    // hide the signal above.
    cfg.setUseGitIgnore(false);
  }
  // Eleventy waits until a saved file has kept its size for 150 ms before it rebuilds (so it
  // never reads half a file); editors and the web editor write a Markdown file in one go, so
  // 50 ms is as safe and takes a tenth of a second off every save's wait. A file still being
  // written then is read again on its next change.
  cfg.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  cfg.setQuietMode(true);
  // Setters, not a returned `dir`: lib/build/build.ts passes this function to Eleventy, which
  // ignores its return value. Eleventy's input is an empty folder, not content/: Eleventy
  // runs any *.11ty.js file it finds in its input as code, and content is data (the routes
  // are one virtual template; content/ is watched through the targets above).
  cfg.setInputDirectory(NO_TEMPLATES);
  cfg.setDataDirectory("_eleventy_data");
  cfg.setIncludesDirectory("_eleventy_includes");
}

/** Routes a template page of `npm run build` renders and writes (see the routes template). */
const BATCH = 100;

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function writePage(file: string, html: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
}

/** Tells the preview's watcher to rebuild; a cache folder removed meanwhile only means the next save shows the picture. */
function signalPreview(file: string, count: number): void {
  try {
    // A count, not the time: the watcher needs only a change, and build code reads no clock.
    writeFileSync(file, `${count}\n`);
  } catch {
    // nothing to do
  }
}
