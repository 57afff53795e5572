// practice.yaml `announce`: the social accounts new posts and events are announced on by
// `npm run announce` (lib/announce/). Only names of environment variables (CI secrets) are
// written here: a token in the repository would be public to anyone who can read it.
import { z } from "zod";
import { choice, integer, list, text, url } from "./fields.ts";
import { quote } from "../content/problems.ts";
import { LANGS } from "../i18n/index.ts";

const ENV_NAME = /^[A-Z][A-Z0-9_]{1,63}$/;

/** The name of the environment variable (a CI secret) that holds a token or password. */
const secretName = (label: string, example: string) =>
  // What was written is never repeated in the message: it may be the secret itself, and build logs are read by many.
  text({ label, max: 5000, example, hint: "The NAME of the CI secret that holds it, in capitals, never the secret itself." }).regex(
    ENV_NAME,
    {
      error: `expected the name of a CI secret in capitals, such as ${example}; never write the token itself in practice.yaml: anyone who can read the repository could post as you (if you did, revoke it)`,
    },
  );

const languages = list(choice(LANGS as [string, ...string[]], { label: "Language" }), {
  label: "Languages posted",
  max: 10,
  hint: "Posts and events in these languages go to this account (default: the site's default language).",
  example: ["en"],
}).optional();

const handle = (example: string) =>
  text({ label: "Account", max: 120, example }).regex(/^@?[\w.-]+(@[\w.-]+\.[a-z]{2,})?$/i, {
    error: (iss) => `expected an account name such as ${example}, got ${quote(iss.input)}`,
  });

const mastodon = z.strictObject({
  network: z.literal("mastodon"),
  instance: url({ label: "Server", example: "https://mastodon.social", hint: "The address of the Mastodon server the account is on." }),
  account: handle("@juniperhill@mastodon.social"),
  token: secretName("Access token secret", "MASTODON_TOKEN"),
  maxCharacters: integer({ label: "Post length", min: 100, max: 100000, hint: "The server's limit if it is not 500." }).optional(),
  languages,
});

const bluesky = z.strictObject({
  network: z.literal("bluesky"),
  account: handle("juniperhill.bsky.social"),
  password: secretName("App password secret", "BLUESKY_APP_PASSWORD"),
  service: url({ label: "Server", hint: "Leave out for bsky.social; a self-hosted PDS's address otherwise." }).optional(),
  languages,
});

const facebook = z.strictObject({
  network: z.literal("facebook"),
  page: text({ label: "Page id", max: 30, example: "104512345678901" }).regex(/^\d{5,30}$/, {
    error: (iss) => `expected the Page's number (its Page id), such as 104512345678901, got ${quote(iss.input)}`,
  }),
  token: secretName("Page access token secret", "FACEBOOK_PAGE_TOKEN"),
  languages,
});

const x = z.strictObject({
  network: z.literal("x"),
  account: handle("@juniperhillpeds"),
  // OAuth 1.0a user context: four keys that do not expire (an OAuth 2.0 user token lasts two hours).
  apiKey: secretName("API Key secret", "X_API_KEY"),
  apiSecret: secretName("API Key Secret secret", "X_API_SECRET"),
  accessToken: secretName("Access Token secret", "X_ACCESS_TOKEN"),
  accessSecret: secretName("Access Token Secret secret", "X_ACCESS_SECRET"),
  languages,
});

export const ANNOUNCE_NETWORKS = ["mastodon", "bluesky", "facebook", "x"] as const;

export const accountSchema = z.discriminatedUnion("network", [mastodon, bluesky, facebook, x], {
  error: (iss) => (iss.code === "invalid_union" ? `expected network: one of ${ANNOUNCE_NETWORKS.join(", ")}` : undefined),
});

export const announceSchema = z
  .strictObject({
    accounts: list(accountSchema, { label: "Accounts", max: 20 }),
    maxAgeDays: integer({
      label: "Announce posts up to (days old)",
      min: 1,
      max: 365,
      hint: "A post older than this when first seen is never announced (e.g. after an import of old posts). Default 7.",
      example: 7,
    }).optional(),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.accounts.forEach((acc, i) => {
      const id = accountId(acc);
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["accounts", i], message: `${id} is listed twice; list each account once` });
      seen.add(id);
    });
  })
  .meta({ label: "Announce on social networks" });

export type AnnounceConfig = z.infer<typeof announceSchema>;
export type Account = z.infer<typeof accountSchema>;

/** How the record names an account: network and account (a Facebook Page by its id), e.g. "mastodon:@juniperhill@mastodon.social". */
export function accountId(a: Account): string {
  return `${a.network}:${a.network === "facebook" ? a.page : a.account.toLowerCase()}`;
}
