// One item to one account, with the record kept true at every step: the entry is marked
// "sending" (with the key of this send) and written before the request leaves, and
// "sent" or "pending" written as soon as the answer is in. A run that dies in between
// leaves "sending"; the next run sends again only where a second copy is impossible:
// Bluesky (the same record key: the post is looked up first) and Mastodon within the hour
// it keeps an Idempotency-Key. Facebook and X have no such key: the entry becomes
// "uncertain" and waits for a person (npm run announce -- --retry-uncertain).
import { createHash, randomUUID } from "node:crypto";
import type { Account } from "../schema/announce.ts";
import type { Entry } from "./record.ts";
import { SendError, type FailureKind, type NetworkClient, type SendInput, type Sent } from "./http.ts";
import { MASTODON_KEY_TTL_MS } from "./networks/mastodon.ts";
import { tid } from "./networks/bluesky.ts";

export interface SendContext {
  client: NetworkClient;
  account: Account;
  /** Saves the record with the entry as it now is (atomically). */
  save: (entry: Entry) => Promise<void>;
  now: () => Date;
  retryUncertain: boolean;
}

export type Outcome =
  { result: "sent"; sent: Sent } | { result: "failed"; kind: FailureKind; error: string } | { result: "uncertain"; why: string };

/** A key for this send that the network can recognise again: fixed at its first attempt. */
export function newKey(network: Account["network"], itemAndAccount: string, at: Date): string {
  if (network !== "bluesky") return randomUUID();
  // A TID from the first attempt's time; the clock id from the item and account, so two sends started the same microsecond differ.
  const clockId = createHash("sha256").update(itemAndAccount).digest().readUInt16BE(0) & 1023;
  return tid(BigInt(at.getTime()) * 1000n, clockId);
}

/** What to do with an entry left "sending" by a run that died: look it up, send again with its key, or leave it to a person. */
async function leftover(entry: Entry, ctx: SendContext): Promise<"resend" | Outcome> {
  const { account, client } = ctx;
  if (account.network === "bluesky" && client.find && entry.key) {
    const found = await client.find(entry.key);
    return found ? { result: "sent", sent: found } : "resend";
  }
  const keyAge = entry.keyAt ? ctx.now().getTime() - Date.parse(entry.keyAt) : Infinity;
  if (account.network === "mastodon" && entry.key && keyAge < MASTODON_KEY_TTL_MS) return "resend";
  if (ctx.retryUncertain) return "resend";
  const why =
    account.network === "mastodon"
      ? "a send was started more than an hour ago and its end was never recorded, and Mastodon forgets its duplicate check after an hour"
      : `a send was started (${entry.keyAt ?? entry.at}) and its end was never recorded, and ${account.network === "x" ? "X" : "Facebook"} cannot say whether it arrived`;
  return { result: "uncertain", why: `${why}: look at the account; if the post is not there, run npm run announce -- --retry-uncertain` };
}

export async function sendOne(
  entry: Entry,
  input: Omit<SendInput, "key">,
  id: string,
  ctx: SendContext,
): Promise<{ entry: Entry; outcome: Outcome }> {
  const stamp = () => ctx.now().toISOString();
  let current: Entry = { ...entry };
  try {
    // Still waiting for a person: said again, and the record left as it is (no change to commit).
    if (current.state === "uncertain" && !ctx.retryUncertain)
      return { entry: current, outcome: { result: "uncertain", why: current.error ?? "waiting for a person to check" } };
    if (current.state === "sending" || current.state === "uncertain") {
      const next = await leftover(current, ctx);
      if (next !== "resend") {
        if (next.result === "sent")
          current = {
            state: "sent",
            at: stamp(),
            id: next.sent.id,
            ...(next.sent.url && { url: next.sent.url }),
            ...(current.key && { key: current.key }),
          };
        else if (next.result === "uncertain") current = { ...current, state: "uncertain", at: stamp(), error: next.why };
        await ctx.save(current);
        return { entry: current, outcome: next };
      }
      // X and Facebook, sent again on a person's word: a fresh key, as for a first send.
      if (ctx.account.network === "x" || ctx.account.network === "facebook") current = { ...current, key: undefined, keyAt: undefined };
    }
    if (!current.key) {
      const at = ctx.now();
      current = { ...current, key: newKey(ctx.account.network, id, at), keyAt: at.toISOString() };
    }
    current = { ...current, state: "sending", at: stamp() };
    await ctx.save(current);
    const sent = await ctx.client.send({ ...input, key: current.key! });
    current = {
      state: "sent",
      at: stamp(),
      id: sent.id,
      ...(sent.url && { url: sent.url }),
      ...(sent.note && { error: sent.note }),
      key: current.key,
    };
    await ctx.save(current);
    return { entry: current, outcome: { result: "sent", sent } };
  } catch (err) {
    const kind: FailureKind = err instanceof SendError ? err.kind : "refused";
    const error = err instanceof SendError ? err.message : `unexpected error: ${(err as Error).message}`;
    // Answered with a refusal, or never left: nothing was posted, so it is pending again. Sent
    // but unanswered: it stays "sending", for the next run to look up or leave to a person.
    const unsure = err instanceof SendError && err.unsure;
    current = { ...current, state: unsure ? "sending" : "pending", at: stamp(), tries: (current.tries ?? 0) + 1, error };
    // Mastodon keeps its key and Bluesky its record key for the next try; Facebook and X need none.
    await ctx.save(current);
    return { entry: current, outcome: { result: "failed", kind, error } };
  }
}
