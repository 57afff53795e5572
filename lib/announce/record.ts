// The record of what was announced where (content/_data/announced.json), kept in the
// repository: the workflow commits it back after each run (docs/operators/announcing.md
// says why). Written atomically (a temporary file renamed over it) after every change, so
// a run that dies leaves the record as it was after its last finished step.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** The record, inside the content folder: content/_data/announced.json. */
export const RECORD_FILE = "_data/announced.json";

/**
 * pending: to send (again). sending: a send started and its end was never recorded (the run
 * died): sent again only where the network's idempotency makes a second copy impossible.
 * uncertain: such a send on a network without that; left for a person to check.
 */
export type SendState = "pending" | "sending" | "sent" | "uncertain";

export interface Entry {
  state: SendState;
  /** When the state was last set (machine time). */
  at: string;
  /** Failed attempts so far. */
  tries?: number;
  /** The last failure, in words. */
  error?: string;
  /** Idempotency key (Mastodon) or record key (Bluesky) of the send, fixed at its first attempt. */
  key?: string;
  /** When the first attempt with that key started. */
  keyAt?: string;
  /** The network's id and address of the post, once sent. */
  id?: string;
  url?: string;
}

export interface ItemRecord {
  /** The canonical link announced. */
  link: string;
  /** When the item was first seen public. */
  seen: string;
  /** One entry per account id (lib/schema/announce.ts accountId). */
  accounts: Record<string, Entry>;
}

export interface AnnounceRecord {
  version: 1;
  /** When the first run recorded what was already public. */
  since: string;
  /** Items seen but never to be announced: public before the first run, too old, or over. */
  known: string[];
  items: Record<string, ItemRecord>;
}

export function emptyRecord(since: string): AnnounceRecord {
  return { version: 1, since, known: [], items: {} };
}

/** The record, or undefined before the first run; a damaged file is an error that names it. */
export async function readRecord(file: string): Promise<AnnounceRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `${file}: not valid JSON (${(err as Error).message}); restore it from the repository's history (git checkout -- ${file})`,
      { cause: err },
    );
  }
  const r = data as Partial<AnnounceRecord>;
  if (r?.version !== 1 || typeof r.since !== "string" || !Array.isArray(r.known) || typeof r.items !== "object" || r.items === null) {
    throw new Error(`${file}: not an announce record (version 1, since, known, items); restore it from the repository's history`);
  }
  return r as AnnounceRecord;
}

/** Keys sorted, so the committed file changes only where something changed. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function serializeRecord(record: AnnounceRecord): string {
  return JSON.stringify(stable({ ...record, known: [...new Set(record.known)].sort() }), null, 2) + "\n";
}

/** Writes the whole record to a temporary file beside it, then renames: readers see the old or the new file, never half. */
export async function writeRecord(file: string, record: AnnounceRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(tmp, serializeRecord(record));
  await rename(tmp, file);
}
