// What the preview tests share: the demo project's preview of a content folder, ready for
// saves, and their blog (tests/build/dev-loop.test.ts, preview-writes.test.ts): five dated
// posts in one tag, named and written as staff name and write them.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO, post, ROOT } from "../helpers.ts";
import { startPreview, type PreviewSession } from "./preview-session.ts";

/**
 * `npm start` on the demo project with `content` as its content folder, at a pinned clock, into
 * a new output folder; resolves once its watcher answers a save. The demo's image cache unless
 * `cacheDir` is given; the product in `root` (default: this one).
 */
export async function previewOfDemo(
  content: string,
  opts: { sourceDateEpoch: number; cacheDir?: string; root?: string },
): Promise<{ session: PreviewSession; out: string }> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-preview-")), "_preview");
  const session = await startPreview({
    root: opts.root ?? ROOT,
    project: DEMO,
    contentDir: content,
    out,
    sourceDateEpoch: opts.sourceDateEpoch,
    cacheDir: opts.cacheDir ?? path.join(DEMO, ".cache"),
  });
  await session.ready(path.join(content, "_data/practice.yaml"));
  return { session, out };
}

/** The preview tests' blog: five dated posts in one tag (date, file key, title), as staff name and write them. */
export const FIVE_POSTS = [
  ["2026-01-05", "alpha", "Alpha post about naps"],
  ["2026-02-05", "bravo", "Bravo post about snacks"],
  ["2026-03-05", "charlie", "Charlie post about fevers"],
  ["2026-04-05", "delta", "Delta post about car seats"],
  ["2026-05-05", "echo", "Echo post about sunscreen"],
] as const;

/** A post's file under content/. */
export const postFile = (date: string, key: string): string => `blog/${date}-${key}.md`;

/** A post's text, with a summary that names the test it is for. */
export const postSource =
  (description: string) =>
  (date: string, title: string, body = "The first version of this post's body."): string =>
    post({ title, date, description, tags: ["wellness"] }, body);

/** The five posts as makeContent() takes them. */
export const fivePostFiles = (description: string): Record<string, string> =>
  Object.fromEntries(FIVE_POSTS.map(([date, key, title]) => [postFile(date, key), postSource(description)(date, title)]));
