// One announce run at a time on a machine: an exclusive lock file (created with O_EXCL,
// which the file system grants to one process only) beside the record. A lock left by a
// process that no longer runs on this machine is taken over; one held by a live process
// means another run is sending now, and this one sends nothing.
import { hostname } from "node:os";
import { open, readFile, unlink } from "node:fs/promises";

export interface Lock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  host: string;
  at: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function create(file: string, at: string): Promise<Lock | undefined> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at } satisfies Holder));
    await handle.close();
    return { release: () => unlink(file).catch(() => undefined) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw err;
  }
}

/** The lock, or who holds it. */
export async function acquireLock(file: string, at: string): Promise<{ lock: Lock } | { heldBy: string }> {
  const first = await create(file, at);
  if (first) return { lock: first };
  const seen = await readFile(file, "utf8").catch(() => "");
  let holder: Partial<Holder> = {};
  try {
    holder = JSON.parse(seen) as Holder;
  } catch {
    // Being written this instant, or damaged: treated as held (the next run will see it again).
  }
  const stale = holder.host === hostname() && typeof holder.pid === "number" && !alive(holder.pid);
  // Removed only if it is still the dead process's lock (another run may have just taken it
  // over); then O_EXCL lets one run, and only one, create the new lock.
  if (stale && (await readFile(file, "utf8").catch(() => "")) === seen) {
    await unlink(file).catch(() => undefined);
    const again = await create(file, at);
    if (again) return { lock: again };
  }
  return { heldBy: holder.pid ? `process ${holder.pid} on ${holder.host ?? "?"} since ${holder.at ?? "?"}` : `${file} (being written)` };
}
