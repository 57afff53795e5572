// The preview's report of a failed build (lib/preview/): what the terminal prints, the
// banner a page carries, and which files the preview server may annotate. The real
// preview server with a real browser: tests/browser/preview-problems.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parse } from "node-html-parser";
import { ContentError, formatProblem, PageRenderError } from "../../lib/content/problems.ts";
import { annotate, problemsPage } from "../../lib/preview/page.ts";
import { htmlFileFor } from "../../lib/preview/server.ts";
import { HINT, PreviewStatus } from "../../lib/preview/status.ts";

const problems = [
  { file: "blog/2026-01-05-alpha.md", field: "title", message: "is required" },
  { file: "blog/2026-01-05-alpha.md", message: 'the front matter is not valid YAML <here> & "there"' },
];

function finished(fill: (s: PreviewStatus) => void, debug = false): { status: PreviewStatus; printed: string[] } {
  const status = new PreviewStatus();
  const printed: string[] = [];
  status.begin();
  fill(status);
  status.finish((t) => printed.push(t), debug);
  return { status, printed };
}

test("content problems: printed once each, in the build's words, no stack", () => {
  const { status, printed } = finished((s) => s.fail(new ContentError(problems)));
  assert.equal(printed.length, 1, "one report per build");
  const lines = printed[0]!.split("\n");
  assert.match(lines[0]!, /^Build failed: 2 problems in the content\. The preview keeps its last good pages/);
  assert.deepEqual(lines.slice(1), problems.map(formatProblem));
  assert.deepEqual(status.current?.lines, problems.map(formatProblem));
  assert.equal(status.current?.unexpected, false);
});

test("a page that could not be rendered: one plain line and the hint; the stack only with PRACTICE_DEBUG", () => {
  const bug = () => {
    try {
      (undefined as unknown as { name: string }).name.toString();
    } catch (err) {
      return new PageRenderError("/blog/alpha/", "blog/2026-01-05-alpha.md", err);
    }
    throw new Error("unreachable");
  };
  const plain = finished((s) => s.fail(bug())).printed.join("\n");
  assert.match(plain, /^Build failed: 1 problem\. /);
  assert.match(
    plain,
    /^the page \/blog\/alpha\/ \(from blog\/2026-01-05-alpha\.md\) could not be written: Cannot read properties of undefined/m,
  );
  assert.ok(plain.includes(HINT));
  assert.doesNotMatch(plain, /^\s+at /m, "no stack trace");
  const debug = finished((s) => s.fail(bug()), true).printed.join("\n");
  assert.match(debug, /^\s+at /m, "the stack with PRACTICE_DEBUG");
  assert.ok(!debug.includes(HINT));
});

test("a build that succeeds prints nothing and clears the problems", () => {
  const status = new PreviewStatus();
  status.begin();
  status.problems(problems);
  status.finish(() => undefined);
  assert.ok(status.current);
  const printed: string[] = [];
  status.begin();
  // Meanwhile the pages still show the last finished build's problems.
  assert.ok(status.current);
  status.finish((t) => printed.push(t));
  assert.equal(status.current, undefined);
  assert.deepEqual(printed, []);
});

test("the banner goes first in the body, escaped, in English, with its stylesheet; never twice", () => {
  const { status } = finished((s) => s.problems(problems));
  const page = `<!doctype html><html lang="es"><head><title>x</title></head><body class="home"><h1>Hola</h1></body></html>`;
  const once = annotate(page, status.current!);
  assert.equal(annotate(once, status.current!), once);
  const root = parse(once);
  assert.equal(root.querySelector("body")!.firstElementChild?.getAttribute("id"), "pp-problems");
  assert.equal(root.querySelector("#pp-problems h2")?.text, "Preview not updated: 2 problems");
  assert.equal(root.querySelector("#pp-problems")?.getAttribute("lang"), "en");
  assert.deepEqual(
    root.querySelectorAll("#pp-problems li").map((li) => li.text),
    problems.map(formatProblem),
  );
  assert.ok(once.includes("&lt;here&gt; &amp; &quot;there&quot;"), "the author's text is escaped");
  assert.ok(root.querySelector('head link[href="/_problems/problems.css"]'));
  assert.equal(root.querySelector("h1")?.text, "Hola", "the page itself is kept");
});

test("the problems page: a language, one h1, the list; and a page that says all is well", () => {
  const { status } = finished((s) => s.problems(problems));
  const root = parse(problemsPage(status.current, "/clinic"));
  assert.equal(root.querySelector("html")?.getAttribute("lang"), "en");
  assert.equal(root.querySelectorAll("h1").length, 1);
  assert.equal(root.querySelectorAll("main ul li").length, 2);
  assert.ok(root.querySelector('link[href="/clinic/_problems/problems.css"]'));
  const ok = parse(problemsPage(undefined));
  assert.equal(ok.querySelector("h1")?.text, "The preview is up to date");
  assert.equal(ok.querySelectorAll("li").length, 0);
});

test("the server annotates only HTML files inside the preview folder", () => {
  const out = path.resolve("/tmp/pp-out/_preview");
  assert.equal(htmlFileFor(out, "/blog/alpha/"), path.join(out, "blog/alpha/index.html"));
  assert.equal(htmlFileFor(out, "/"), path.join(out, "index.html"));
  assert.equal(htmlFileFor(out, "/404.html"), path.join(out, "404.html"));
  assert.equal(htmlFileFor(out, "/feed.xml"), undefined);
  assert.equal(htmlFileFor(out, "/assets/site.css"), undefined);
  assert.equal(htmlFileFor(out, "/../../etc/passwd.html"), undefined);
  assert.equal(htmlFileFor(out, "/%2e%2e/%2e%2e/secret/"), undefined);
  assert.equal(htmlFileFor(out, "/%E0%A4%A/"), undefined, "a malformed URL is not a file");
});
