// `npm start` only: what the last preview build found wrong. A failed rebuild is not
// thrown to Eleventy there, because Eleventy would print it three times with a stack
// trace and, on the first build, stop the server; instead the build writes no page, the
// problems are printed once, and lib/preview/server.ts shows them in the browser.
import { inspect } from "node:util";
import { findContentError, formatProblem, plainCause, type Problem } from "../content/problems.ts";

export const PROBLEMS_PATH = "/_problems/";

export interface Failure {
  /** One line each, as `npm run build` prints them (formatProblem, or the plain cause). */
  readonly lines: readonly string[];
  /** A line is not about the content but a fault of Practice Press (an unexpected error). */
  readonly unexpected: boolean;
  /** The unexpected errors in full, stacks and causes: printed only with PRACTICE_DEBUG=1. */
  readonly details: readonly string[];
}

export const HINT =
  "This looks like a problem in Practice Press, not in your content. Run it again with PRACTICE_DEBUG=1 for the technical details, and send them to whoever looks after the site.";

export class PreviewStatus {
  #lines: string[] = [];
  #stacks: string[] = [];
  #unexpected = false;
  #shown: Failure | undefined;

  /** A build starts: its problems are collected apart, so the pages show the last finished build's meanwhile. */
  begin(): void {
    this.#lines = [];
    this.#stacks = [];
    this.#unexpected = false;
  }

  /** Anything that stopped (part of) the build: content problems as a list, anything else as one plain line. */
  fail(err: unknown): void {
    const content = findContentError(err);
    if (content) return this.problems(content.problems);
    const line = plainCause(err);
    if (!this.#lines.includes(line)) this.#lines.push(line);
    this.#stacks.push(inspect(err));
    this.#unexpected = true;
  }

  problems(problems: readonly Problem[]): void {
    for (const line of problems.map(formatProblem)) if (!this.#lines.includes(line)) this.#lines.push(line);
  }

  /** The build ended: what the pages show from now on, and the terminal report (printed here, once). */
  finish(log: (text: string) => void = (t) => console.error(t), debug = !!process.env.PRACTICE_DEBUG): void {
    this.#shown = this.#lines.length ? { lines: [...this.#lines], unexpected: this.#unexpected, details: [...this.#stacks] } : undefined;
    const report = this.report(debug);
    if (report) log(report);
  }

  /** The last finished build's problems; undefined when it succeeded. */
  get current(): Failure | undefined {
    return this.#shown;
  }

  /** What the terminal says about the last finished build, in `npm run build`'s words (lib/build/build.ts reportFailure). */
  report(debug = false): string | undefined {
    const shown = this.#shown;
    if (!shown) return undefined;
    const n = shown.lines.length;
    const what = shown.unexpected ? `${n} problem${n === 1 ? "" : "s"}` : `${n} problem${n === 1 ? "" : "s"} in the content`;
    const out = [
      `Build failed: ${what}. The preview keeps its last good pages, with the problems listed on each (and at ${PROBLEMS_PATH}).`,
      ...shown.lines,
    ];
    if (shown.unexpected) out.push(...(debug ? shown.details : [HINT]));
    return out.join("\n");
  }
}
