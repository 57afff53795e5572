// A tiny static server for _site, used by the browser tests and screenshot script.
// It serves under the configured path prefix and answers unknown paths with 404.html,
// as static hosts do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { headersFor, type HeaderMerge, type HeaderRule } from "../../lib/model/policy.ts";
import { parseHeadersFile } from "../../lib/outputs/headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ics": "text/calendar; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".yml": "text/yaml; charset=utf-8",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site with the headers its own `_headers` file declares, as the host would.
 * `merge`: what a header set by several matching rules becomes: "replace" (the later rule's
 * value, the default) or "join" (every value, joined with ", ", as Cloudflare Pages does).
 */
export async function serveStatic(rootDir: string, opts: { prefix?: string; merge?: HeaderMerge } = {}): Promise<StaticServer> {
  const prefix = opts.prefix ?? "";
  const merge = opts.merge ?? "replace";
  const root = path.resolve(rootDir);
  const rules: HeaderRule[] = parseHeadersFile(await readFile(path.join(root, "_headers"), "utf8").catch(() => ""));
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    let pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const requested = pathname;
    const send = async (file: string, status: number) => {
      const body = await readFile(file);
      res.writeHead(status, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        ...headersFor(rules, requested, merge),
      });
      res.end(body);
    };
    try {
      if (prefix && !pathname.startsWith(prefix + "/")) throw new Error("outside prefix");
      pathname = pathname.slice(prefix.length);
      let file = path.join(root, path.normalize(pathname));
      if (!file.startsWith(root)) throw new Error("outside root");
      const s = await stat(file).catch(() => undefined);
      if (s?.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: prefix + pathname + "/" });
          return res.end();
        }
        file = path.join(file, "index.html");
      }
      await send(file, 200);
    } catch {
      await send(path.join(root, "404.html"), 404).catch(() => {
        res.writeHead(404).end("not found");
      });
    }
  };
  // An address that does not decode (a stray "%") is a bad request, not an unhandled rejection.
  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => res.writeHead(400).end("bad request"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
