// OAuth 1.0a request signing, HMAC-SHA1 (RFC 5849 section 3.4; X's "Creating a signature").
// X takes it on POST /2/tweets and the v2 media endpoints, and its keys do not expire,
// unlike an OAuth 2.0 user token (two hours) whose refresh token rotates on every use and
// would have to be stored somewhere. Written here with node:crypto rather than taken from a
// package: it is some 60 lines, the packages that do it (oauth-1.0a, oauth-sign) have not
// been released for years, and both still need the caller to decide which body is signed.
// Pure: the nonce and the time are given by the caller.
import { createHmac, randomBytes } from "node:crypto";

export interface OAuth1Credentials {
  /** The app's API Key (consumer key) and API Key Secret. */
  consumerKey: string;
  consumerSecret: string;
  /** The account's Access Token and Access Token Secret. */
  token: string;
  tokenSecret: string;
}

export interface OAuth1Request {
  method: string;
  /** The full address; its query parameters are signed. */
  url: string;
  /**
   * The body's parameters, only when the body is application/x-www-form-urlencoded
   * (RFC 5849 section 3.4.1.3.1). A JSON or multipart body is never signed.
   */
  form?: Iterable<[string, string]>;
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~, as UTF-8 bytes, upper-case hex. */
export function percentEncode(value: string): string {
  // encodeURIComponent leaves ! ' ( ) * alone; RFC 3986 (and so OAuth) encodes them.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The base string URI (RFC 5849 section 3.4.1.2): scheme and host in lower case, no default port, no query or fragment. */
export function baseStringUri(url: URL): string {
  // URL already lower-cases scheme and host and drops the scheme's default port.
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** The signature base string (RFC 5849 section 3.4.1): method & URI & normalized parameters. */
export function signatureBaseString(method: string, url: string, params: Iterable<[string, string]>): string {
  const u = new URL(url);
  const all: [string, string][] = [...u.searchParams, ...params].map(([k, v]) => [percentEncode(k), percentEncode(v)]);
  // Sorted by encoded name, then by encoded value (byte order, as the RFC says).
  all.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const normalized = all.map(([k, v]) => `${k}=${v}`).join("&");
  return [method.toUpperCase(), percentEncode(baseStringUri(u)), percentEncode(normalized)].join("&");
}

export function hmacSha1(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac("sha1", key).update(baseString).digest("base64");
}

/** A fresh nonce: 32 random bytes as letters and digits (X's docs use the same). */
export function newNonce(): string {
  return randomBytes(32)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "");
}

/** The oauth_* parameters of one request, its signature included. */
export function oauth1Params(
  req: OAuth1Request,
  creds: OAuth1Credentials,
  at: { nonce: string; timestamp: number },
): Record<string, string> {
  const oauth: Record<string, string> = {
    oauth_consumer_key: creds.consumerKey,
    oauth_nonce: at.nonce,
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: String(at.timestamp),
    oauth_token: creds.token,
    oauth_version: "1.0",
  };
  const base = signatureBaseString(req.method, req.url, [...Object.entries(oauth), ...(req.form ?? [])]);
  return { ...oauth, oauth_signature: hmacSha1(base, creds.consumerSecret, creds.tokenSecret) };
}

/** The Authorization header's value: `OAuth key="value", ...`, each part percent-encoded (RFC 5849 section 3.5.1). */
export function oauth1Header(
  req: OAuth1Request,
  creds: OAuth1Credentials,
  // Given by the caller (the run's clock): the signer itself stays pure.
  at: { nonce: string; timestamp: number },
): string {
  const params = oauth1Params(req, creds, at);
  return `OAuth ${Object.entries(params)
    .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
    .join(", ")}`;
}
