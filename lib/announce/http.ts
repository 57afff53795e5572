// One way to call a network's HTTP API: fetch with a time limit, JSON back, and every
// failure turned into a SendError whose kind decides what the run does next. Messages
// carry the network's own words, never a token.
import type { Composed } from "./text.ts";

/**
 * auth: the token was refused (401/403): nothing more goes to that account this run.
 * rate: too many requests (429): the same. down: no answer or a 5xx: the same.
 * refused: this post was refused (another 4xx): the others are still tried.
 */
export type FailureKind = "auth" | "rate" | "down" | "refused";

export class SendError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** The network's error code, when it gives one (Bluesky "RecordNotFound", Facebook 190...). */
    readonly code?: string,
    /** The post request may have arrived although no answer came (a time-out, a dropped connection, a gateway time-out). */
    readonly unsure = false,
  ) {
    super(message);
  }
}

export type Fetch = typeof fetch;

export interface Http {
  fetch: Fetch;
  /** Waits between checks that an uploaded image is ready (tests pass a short one). */
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
}

export const defaultHttp: Http = {
  fetch: (...args) => fetch(...args),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  timeoutMs: 30_000,
};

export interface Reply {
  status: number;
  json: Record<string, unknown>;
}

export function kindOf(status: number): FailureKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate";
  if (status >= 500) return "down";
  return "refused";
}

/** The words a network puts in its error body, whatever its shape. */
export function errorWords(json: Record<string, unknown>): { words: string; code?: string } {
  const e = json.error;
  if (e && typeof e === "object") {
    const fb = e as { message?: string; code?: number };
    return { words: fb.message ?? "", code: fb.code === undefined ? undefined : String(fb.code) };
  }
  const errors = json.errors as { message?: string }[] | undefined;
  const words = [
    json.message,
    json.detail,
    json.title,
    json.error_description,
    typeof e === "string" ? e : undefined,
    errors?.map((x) => x.message).join("; "),
  ].find((w) => typeof w === "string" && w);
  return { words: (words as string | undefined) ?? "", code: typeof e === "string" ? e : undefined };
}

// The request never left: nothing can have been posted.
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Calls `url`; a 2xx answers, anything else throws a SendError naming `what`. `posts`: this
 * request makes the post, so a lost answer leaves it unsure whether it was made.
 */
export async function call(http: Http, what: string, url: string, init: RequestInit, posts = false): Promise<Reply> {
  let res: Response;
  try {
    res = await http.fetch(url, { ...init, signal: AbortSignal.timeout(http.timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new SendError(
      "down",
      `${what}: no answer from ${new URL(url).host} (${cause})`,
      undefined,
      undefined,
      posts && !NEVER_SENT.has(cause),
    );
  }
  const body = await res.text();
  let json: Record<string, unknown>;
  try {
    json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  if (res.ok) return { status: res.status, json };
  const { words, code } = errorWords(json);
  const retry = res.headers.get("retry-after");
  const hint =
    res.status === 401 || res.status === 403
      ? " (check that the secret holds a valid token with permission to post)"
      : res.status === 429 && retry
        ? ` (try again after ${retry} s)`
        : "";
  throw new SendError(
    kindOf(res.status),
    `${what}: HTTP ${res.status}${words ? ` ${words.slice(0, 300)}` : ""}${hint}`,
    res.status,
    code,
    posts && res.status === 504,
  );
}

export interface ImageFile {
  data: Uint8Array<ArrayBuffer>;
  type: string;
  name: string;
  alt: string;
  width: number;
  height: number;
}

export interface SendInput {
  composed: Composed;
  image?: ImageFile;
  lang: string;
  /** Mastodon's Idempotency-Key, Bluesky's record key: the same on every attempt of this send. */
  key: string;
}

export interface Sent {
  id: string;
  url?: string;
  /** Said about a send the network took as done without a new post (X: "duplicate content"). */
  note?: string;
}

export interface NetworkClient {
  send(input: SendInput): Promise<Sent>;
  /** The post sent with `key`, if the network can say (Bluesky); undefined when it does not exist. */
  find?(key: string): Promise<Sent | undefined>;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export function imageBlob(image: ImageFile): Blob {
  return new Blob([image.data], { type: image.type });
}
