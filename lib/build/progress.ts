// Progress for the steps of a build that can take a while on a new machine (encoding a
// practice's photos the first time, indexing search): nothing for a step that ends within
// two seconds, then one line every two seconds ("Encoding photos (3 of 14)…") and a closing
// line with its time, so a cold build is never a long silence. The lines go wherever the
// caller says (the terminal for `npm run build` and `npm start`; nowhere in tests).

export interface Progress {
  /** Starts a step; `count` gives "(done of total)" while it runs. */
  step(name: string, count?: () => { done: number; total: number }): Step;
  now(): number;
}

export interface Step {
  /** `at`: when the work really ended (default now). */
  end(at?: number): void;
}

export interface ProgressTiming {
  /** Milliseconds before a step says anything. */
  after: number;
  /** Milliseconds between lines after that. */
  every: number;
  now: () => number;
}

const SECOND = 1000;

export function createProgress(
  print: (line: string) => void,
  timing: ProgressTiming = { after: 2 * SECOND, every: 2 * SECOND, now: () => performance.now() },
): Progress {
  return {
    step(name, count) {
      const started = timing.now();
      let spoke = false;
      let said = "";
      let saidAt = 0;
      // A line when the count moved; the same line again only every ten seconds or so.
      const show = () => {
        const c = count?.();
        const line = c ? `${name} (${c.done} of ${c.total})…` : `${name}…`;
        if (line !== said || timing.now() - saidAt >= 5 * timing.every) {
          print(line);
          [said, saidAt] = [line, timing.now()];
        }
        spoke = true;
        timer = setTimeout(show, timing.every);
        timer.unref?.();
      };
      let timer = setTimeout(show, timing.after);
      timer.unref?.();
      return {
        end(at = timing.now()) {
          clearTimeout(timer);
          if (spoke) print(`${name}: done in ${((at - started) / SECOND).toFixed(1)} s`);
        },
      };
    },
    now: timing.now,
  };
}

/**
 * A step shared by work that arrives in bursts or one after another (photos requested by
 * many pages, each page's in turn): it stays open while new work follows within half a
 * second of the last, so the count reads "(3 of 14)", not fourteen steps of one.
 */
export function countedStep(progress: Progress | undefined, name: string, linger = 500): { start(): () => void } {
  let done = 0;
  let total = 0;
  let open: Step | undefined;
  let closing: ReturnType<typeof setTimeout> | undefined;
  return {
    start() {
      clearTimeout(closing);
      total++;
      open ??= progress?.step(name, () => ({ done, total }));
      return () => {
        done++;
        if (done !== total || !open) return;
        const at = progress!.now();
        closing = setTimeout(() => {
          open?.end(at);
          open = undefined;
          done = total = 0;
        }, linger);
        closing.unref?.();
      };
    },
  };
}
