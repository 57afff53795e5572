// The one source of "now" for a build. SOURCE_DATE_EPOCH (seconds) makes builds
// reproducible and lets tests and CI pin the date; otherwise it is the real time.
import { DateTime } from "luxon";

export type Clock = () => DateTime;

/** The real time: the clock of a build that was given none. */
export const systemClock: Clock = () => DateTime.utc();

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, got ${JSON.stringify(epoch)}`);
    const fixed = DateTime.fromSeconds(Number(epoch), { zone: "utc" });
    return () => fixed;
  }
  return systemClock;
}

export function fixedClock(iso: string): Clock {
  const fixed = DateTime.fromISO(iso, { setZone: true });
  if (!fixed.isValid) throw new Error(`fixedClock: invalid date ${iso}`);
  return () => fixed;
}

/**
 * The machine's time, for housekeeping that is not part of the site (when a cached
 * file was last used, touching a file to wake a watcher). Never for content.
 */
export function machineTime(): Date {
  return new Date();
}
