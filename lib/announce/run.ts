// npm run announce: note what is new, then send each pending announcement, one account at
// a time, under a lock. A network that is down, refuses the token or asks us to slow down
// stops only that account's sends for this run; everything not sent stays pending in the
// record for the next run, and the run itself always ends well (it never fails a deploy).
import { machineTime } from "../build/clock.ts";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import type { Site } from "../model/model.ts";
import { accountId, type Account, type AnnounceConfig } from "../schema/announce.ts";
import { acquireLock } from "./lock.ts";
import { readRecord, writeRecord, type AnnounceRecord, type Entry } from "./record.ts";
import { noteNewItems, publicItems, type Item } from "./select.ts";
import { compose, type Composed } from "./text.ts";
import { defaultHttp, type Http, type ImageFile } from "./http.ts";
import { clientFor, secretsOf, type ApiBases } from "./networks/index.ts";
import { sendOne } from "./send.ts";
import type { Line } from "./report.ts";

export interface RunOptions {
  site: Site;
  config: AnnounceConfig;
  /** The record file, absolute. */
  recordFile: string;
  /** The built site (for the images), absolute. */
  outDir: string;
  /** The build's "now": which posts are public, which events over. */
  now: DateTime;
  /** Where secrets are read from (process.env in the script). */
  env: Readonly<Record<string, string | undefined>>;
  bases?: ApiBases;
  http?: Http;
  /** Machine time for the record and the networks (default: the real time). */
  wallClock?: () => Date;
  dryRun?: boolean;
  retryUncertain?: boolean;
}

export interface RunResult {
  /** "busy": another run holds the lock; "first": the first run noted what is public. */
  status: "done" | "busy" | "first" | "dry-run";
  lines: Line[];
  /** For --dry-run: exactly what would be sent. */
  preview: { item: string; account: string; composed: Composed }[];
  notes: string[];
}

const TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".gif": "image/gif",
};

async function imageFile(outDir: string, composed: Composed): Promise<ImageFile | undefined> {
  const img = composed.image;
  if (!img) return undefined;
  const ext = path.extname(img.path).toLowerCase();
  const file = path.join(outDir, ...img.path.split("/").filter(Boolean));
  try {
    const data = new Uint8Array(await readFile(file));
    return {
      data,
      type: TYPES[ext] ?? "application/octet-stream",
      name: path.basename(file),
      alt: img.alt,
      width: img.width,
      height: img.height,
    };
  } catch {
    return undefined;
  }
}

function composeFor(item: Item, account: Account, site: Site): Composed {
  return compose(
    item,
    site,
    account.network,
    account.network === "mastodon" && account.maxCharacters ? { limits: { mastodon: account.maxCharacters } } : {},
  );
}

/** The (item, account) pairs still to send, oldest item first. */
function todo(record: AnnounceRecord): { itemId: string; accountId: string; entry: Entry }[] {
  return Object.entries(record.items)
    .sort(([a, x], [b, y]) => x.seen.localeCompare(y.seen) || a.localeCompare(b))
    .flatMap(([itemId, rec]) =>
      Object.entries(rec.accounts)
        .filter(([, e]) => e.state !== "sent")
        .map(([accountId, entry]) => ({ itemId, accountId, entry })),
    );
}

export async function runAnnounce(opts: RunOptions): Promise<RunResult> {
  // The machine's time: when a send happened and how old a lock is, never what is published.
  const wall = opts.wallClock ?? machineTime;
  const http = opts.http ?? defaultHttp;
  const result: RunResult = { status: "done", lines: [], preview: [], notes: [] };
  const accounts = new Map(opts.config.accounts.map((a) => [accountId(a), a]));
  const items = publicItems(opts.site);

  if (opts.dryRun) {
    const noted = noteNewItems({
      record: await readRecord(opts.recordFile),
      site: opts.site,
      config: opts.config,
      now: opts.now,
      stamp: wall().toISOString(),
    });
    result.status = noted.first ? "first" : "dry-run";
    if (noted.first)
      result.notes.push(`First run: ${noted.seen.length} posts and events already public would be noted; nothing would be sent.`);
    for (const t of todo(noted.record)) {
      const item = items.get(t.itemId);
      const account = accounts.get(t.accountId);
      if (item && account) result.preview.push({ item: t.itemId, account: t.accountId, composed: composeFor(item, account, opts.site) });
    }
    return result;
  }

  const lockFile = `${opts.recordFile}.lock`;
  const got = await acquireLock(lockFile, wall().toISOString());
  if ("heldBy" in got) {
    result.status = "busy";
    result.notes.push(`Another announce run is sending now (${got.heldBy}); this run sent nothing.`);
    return result;
  }
  try {
    const noted = noteNewItems({
      record: await readRecord(opts.recordFile),
      site: opts.site,
      config: opts.config,
      now: opts.now,
      stamp: wall().toISOString(),
    });
    const record = noted.record;
    await writeRecord(opts.recordFile, record);
    if (noted.first) {
      result.status = "first";
      result.notes.push(
        `First run: noted ${noted.seen.length} posts and events already public; nothing was sent. New ones are announced from now on.`,
      );
      return result;
    }
    // An account that failed as a whole this run (down, token refused, rate limit) gets no more requests.
    const stopped = new Map<string, string>();
    const clients = new Map<string, ReturnType<typeof clientFor>>();
    for (const t of todo(record)) {
      const account = accounts.get(t.accountId);
      const item = items.get(t.itemId);
      const line = (state: Line["state"], detail: string) => result.lines.push({ item: t.itemId, account: t.accountId, state, detail });
      if (!account) {
        line("waiting", "this account is no longer in practice.yaml announce.accounts");
        continue;
      }
      if (!item) {
        line("waiting", "no longer public (a draft again, or removed)");
        continue;
      }
      if (stopped.has(t.accountId)) {
        line("pending", stopped.get(t.accountId)!);
        continue;
      }
      const names = Object.entries(secretsOf(account));
      const missing = names.filter(([, name]) => !opts.env[name]).map(([, name]) => name);
      if (missing.length) {
        const why = `the secret${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set (add ${missing.length > 1 ? "them" : "it"} to the repository's secrets and to the workflow's env)`;
        stopped.set(t.accountId, why);
        line("pending", why);
        continue;
      }
      let client = clients.get(t.accountId);
      const secrets = Object.fromEntries(names.map(([what, name]) => [what, opts.env[name]!]));
      if (!client) clients.set(t.accountId, (client = clientFor(account, secrets, { http, bases: opts.bases ?? {}, now: wall })));
      const composed = composeFor(item, account, opts.site);
      const image = await imageFile(opts.outDir, composed);
      if (composed.image && !image)
        result.notes.push(`${t.itemId}: image ${composed.image.path} not found in ${opts.outDir}; announced without it`);
      const save = async (entry: Entry) => {
        record.items[t.itemId]!.accounts[t.accountId] = entry;
        await writeRecord(opts.recordFile, record);
      };
      const { outcome } = await sendOne(t.entry, { composed, image, lang: item.lang }, `${t.itemId} ${t.accountId}`, {
        client,
        account,
        save,
        now: wall,
        retryUncertain: opts.retryUncertain ?? false,
      });
      if (outcome.result === "sent") line("sent", outcome.sent.url ?? outcome.sent.note ?? outcome.sent.id);
      else if (outcome.result === "uncertain") line("uncertain", outcome.why);
      else {
        line("pending", outcome.error);
        if (outcome.kind !== "refused") stopped.set(t.accountId, `not tried: ${outcome.error}`);
      }
    }
    return result;
  } finally {
    await got.lock.release();
  }
}
