// The preview server's part (Eleventy Dev Server middleware, `npm start` only): while the
// last build failed, every page it serves from the preview folder carries the problems on
// top, and /_problems/ lists them on a page of its own. The dev server adds its live-reload
// script to these HTML answers too, so a browser left open shows the problems after the
// failed build and the real pages again after the next good one.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { annotate, CSS_PATH, isProblemsPage, problemsPage, PROBLEMS_CSS } from "./page.ts";
import { PROBLEMS_PATH, type PreviewStatus } from "./status.ts";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The HTML file a URL path is served from (as the dev server maps it), or undefined for anything else. */
export function htmlFileFor(outDir: string, pathname: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (rel.endsWith("/")) rel += "index.html";
  else if (!rel.endsWith(".html")) return undefined;
  const file = path.resolve(outDir, `.${rel}`);
  // Never a file outside the preview folder, whatever the URL says.
  return file.startsWith(path.resolve(outDir) + path.sep) ? file : undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", `${type}; charset=utf-8`);
  // Always the build's current state, never a cached one.
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}

export function problemsMiddleware(status: PreviewStatus, outDir: () => string | undefined, prefix = ""): Middleware {
  return (req, res, next) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://preview.invalid");
      const pathname = prefix && url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      if (pathname === CSS_PATH) return send(res, 200, "text/css", PROBLEMS_CSS);
      if (pathname === PROBLEMS_PATH || pathname === PROBLEMS_PATH.slice(0, -1))
        return send(res, 200, "text/html", problemsPage(status.current, prefix));
      const failure = status.current;
      const dir = outDir();
      const file = dir && htmlFileFor(dir, pathname);
      if (!file) return next();
      const html = await readFile(file, "utf8").catch(() => undefined);
      // A page that could not be rendered was written as a problems page: it shows the current list (or, once fixed and rebuilt, is replaced).
      if (html !== undefined && isProblemsPage(html)) return send(res, failure ? 503 : 200, "text/html", problemsPage(failure, prefix));
      if (!failure) return next();
      // No good version of this page yet (a first build that failed): the problems instead.
      if (html === undefined) return send(res, 503, "text/html", problemsPage(failure, prefix));
      send(res, 200, "text/html", annotate(html, failure, prefix));
    })().catch(() => next());
  };
}
