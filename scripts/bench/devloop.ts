// The dev loop: staff save a post while `npm start` runs; how long until its page is
// rewritten (body, title and date edits), with every page that names it checked after.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startPreview } from "../../tests/support/preview-session.ts";
import { ROOT, SOURCE_DATE_EPOCH } from "./sampler.ts";

export const DEV_LOOP_POSTS = 1000;

export interface DevLoop {
  body: number[];
  title: number[];
  date: number[];
}

export async function measureDevLoop(tmp: string, rounds: number): Promise<DevLoop> {
  const content = path.join(tmp, "content");
  const session = await startPreview({
    root: ROOT,
    project: path.join(ROOT, "examples", "demo"),
    contentDir: content,
    out: path.join(tmp, "out-preview"),
    cacheDir: path.join(tmp, "cache-project"),
    sourceDateEpoch: Number(SOURCE_DATE_EPOCH),
  });
  const times: DevLoop = { body: [], title: [], date: [] };
  try {
    await session.ready(path.join(content, "_data", "practice.yaml"));
    const key = `synthetic-${Math.floor(DEV_LOOP_POSTS / 2)}`;
    const name = (await readdir(path.join(content, "blog"))).find((f) => f.endsWith(`-${key}.md`))!;
    const file = path.join(content, "blog", name);
    const original = await readFile(file, "utf8");
    const page = `blog/${key}/index.html`;
    const tag = /^tags: \[([^,\]]+)/m.exec(original)![1]!.trim();
    // One save, timed until the post's page shows it; then the whole rebuild must agree.
    const save = async (text: string, token: string, into: number[], everywhere: readonly string[]) => {
      const builds = session.builds();
      await writeFile(file, text);
      into.push(await session.waitForFile(page, (html) => html.includes(token)));
      await session.waitForBuilds(builds);
      // The build counted may be one that started before the save (a watcher event of the
      // last one), with the save's own build still writing: each page gets until then to agree.
      for (const f of everywhere) {
        await session
          .waitForFile(f, (html) => html.includes(token), 60_000)
          .catch(() => {
            throw new Error(`dev loop: after the save, ${f} does not show ${token}`);
          });
      }
    };
    // The pages of its older and newer neighbours name it in their previous/next links.
    const neighbours = [
      ...(await readFile(path.join(session.out, page), "utf8")).matchAll(/<a class="prevnext__link[^"]*" href="\/([^"]+)"/g),
    ].map((m) => `${m[1]}index.html`);
    if (!neighbours.length) throw new Error(`dev loop: ${page} has no previous/next links`);
    for (let r = 0; r < rounds; r++) {
      const word = `Devloop${r}x${Date.now().toString(36)}`;
      await save(`${original}\nOne more sentence, ${word}.\n`, word, times.body, []);
      const title = `Retitled ${word}`;
      await save(original.replace(/^title: .*$/m, `title: "${title}"`), title, times.title, neighbours);
      // Newest post of all: first on the blog index.
      const dated = original
        .replace(/^title: .*$/m, `title: "${title} moved"`)
        .replace(/^date: .*$/m, `date: "2026-11-${String(10 + r).padStart(2, "0")}"`);
      await save(dated, `${title} moved`, times.date, ["blog/index.html", "feed.xml", "feed.json", `blog/tags/${tag}/index.html`]);
      const builds = session.builds();
      await writeFile(file, original);
      await session.waitForFile(page, (html) => !html.includes(word));
      await session.waitForBuilds(builds);
    }
  } finally {
    await session.close();
  }
  return times;
}
