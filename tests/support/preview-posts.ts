// The preview tests' blog (tests/build/dev-loop.test.ts, preview-writes.test.ts): five dated
// posts in one tag, named and written as staff name and write them.
import { post } from "../helpers.ts";

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
