// npm run audit: Lighthouse (mobile emulation, Debian's Chromium) on key pages of a
// fresh production build. A report, not a test: it prints scores and metrics.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, reportFailure } from "../../lib/build/build.ts";
import { serveStatic } from "./static-server.ts";
import { FULL_CHROMIUM, FULL_INSTALL_HINT } from "./browser.ts";
import { existsSync } from "node:fs";

const PAGES = (process.env.PAGES ?? "/,/blog/saturday-flu-clinics/,/blog/,/about/").split(",");

if (!existsSync(FULL_CHROMIUM)) {
  console.error(`Chromium not found at ${FULL_CHROMIUM}. Install it with: ${FULL_INSTALL_HINT}`);
  process.exit(1);
}
const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-audit-")), "_site");
const result = await build({ out });
if (!result.ok) {
  console.error(reportFailure(result));
  process.exit(1);
}
const server = await serveStatic(out);
// Lighthouse has a folder of its own (tests/audit/package.json), which npm test does not install.
const lighthouse = path.join(import.meta.dirname, "../audit/node_modules/lighthouse/cli/index.js");
const rows: string[][] = [["page", "perf", "a11y", "best-pr.", "SEO", "LCP ms", "CLS", "TBT ms", "KB"]];
try {
  for (const p of PAGES) {
    const report = path.join(path.dirname(out), `lh-${rows.length}.json`);
    // Asynchronous on purpose: the static server runs in this process and must keep answering.
    await promisify(execFile)(
      process.execPath,
      [
        lighthouse,
        server.url + p,
        "--quiet",
        "--output=json",
        `--output-path=${report}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
      ],
      { env: { ...process.env, CHROME_PATH: FULL_CHROMIUM }, encoding: "utf8", timeout: 120_000 },
    ).catch((err: { stderr?: string; message: string }) => {
      throw new Error(`Lighthouse failed on ${p}:\n${err.stderr ?? err.message}`);
    });
    const lhr = JSON.parse(await readFile(report, "utf8")) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue: number }>;
    };
    const score = (k: string) => String(Math.round(lhr.categories[k]!.score * 100));
    const num = (k: string) => lhr.audits[k]!.numericValue;
    rows.push([
      p,
      score("performance"),
      score("accessibility"),
      score("best-practices"),
      score("seo"),
      num("largest-contentful-paint").toFixed(0),
      num("cumulative-layout-shift").toFixed(3),
      num("total-blocking-time").toFixed(0),
      (num("total-byte-weight") / 1024).toFixed(1),
    ]);
  }
} finally {
  await server.close();
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
