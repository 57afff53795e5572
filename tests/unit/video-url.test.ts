import { test } from "node:test";
import assert from "node:assert/strict";
import { parseVideoUrl, parseStart } from "../../lib/video/parse.ts";

const ID = "dQw4w9WgXcQ";
const valid: [string, Partial<ReturnType<typeof parseVideoUrl>> & object][] = [
  [
    `https://www.youtube.com/watch?v=${ID}`,
    { provider: "youtube", id: ID, embedUrl: `https://www.youtube-nocookie.com/embed/${ID}?autoplay=1` },
  ],
  [
    `https://youtube.com/watch?v=${ID}&t=1m30s`,
    { id: ID, start: 90, embedUrl: `https://www.youtube-nocookie.com/embed/${ID}?autoplay=1&start=90` },
  ],
  [`https://m.youtube.com/watch?v=${ID}&feature=share`, { id: ID }],
  [`https://youtu.be/${ID}`, { id: ID }],
  [`https://youtu.be/${ID}?t=42&si=abcdef`, { id: ID, start: 42 }],
  [`https://www.youtube.com/shorts/${ID}`, { id: ID }],
  [`https://www.youtube.com/embed/${ID}?start=15`, { id: ID, start: 15 }],
  [`https://www.youtube.com/live/${ID}`, { id: ID }],
  [`https://www.youtube-nocookie.com/embed/${ID}`, { id: ID }],
  [`https://www.youtube.com/watch?v=${ID}&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG`, { id: ID, list: "PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG" }],
  [
    `https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG`,
    { id: undefined, embedUrl: "https://www.youtube-nocookie.com/embed/videoseries?autoplay=1&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG" },
  ],
  [
    "https://vimeo.com/76979871",
    { provider: "vimeo", id: "76979871", embedUrl: "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1" },
  ],
  [
    "https://vimeo.com/76979871/8272103f6e",
    { id: "76979871", hash: "8272103f6e", embedUrl: "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=8272103f6e" },
  ],
  ["https://player.vimeo.com/video/76979871?h=8272103f6e", { id: "76979871", hash: "8272103f6e" }],
  [
    "https://vimeo.com/76979871#t=30s",
    { id: "76979871", start: 30, embedUrl: "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=30s" },
  ],
  ["https://vimeo.com/channels/staffpicks/76979871", { id: "76979871" }],
];

for (const [url, expected] of valid) {
  test(`recognises ${url}`, () => {
    const got = parseVideoUrl(url);
    assert.ok(got, "not recognised");
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(got[k as keyof typeof got], v, k);
  });
}

const invalid = [
  "https://www.youtube.com/watch?v=short",
  "https://www.youtube.com/watch",
  "https://www.youtube.com/channel/UC123",
  "https://www.youtube.com/@juniperhillpeds",
  `https://youtu.be/${ID}/extra`,
  "https://vimeo.com/about",
  "https://vimeo.com/76979871/not-a-hash!",
  "https://example.org/watch?v=dQw4w9WgXcQ",
  "javascript:alert(1)",
  "not a url",
  `ftp://youtube.com/watch?v=${ID}`,
];
for (const url of invalid) {
  test(`leaves ${url} alone`, () => assert.equal(parseVideoUrl(url), undefined));
}

test("start times in every form", () => {
  assert.equal(parseStart("90"), 90);
  assert.equal(parseStart("1h2m3s"), 3723);
  assert.equal(parseStart("2m"), 120);
  assert.equal(parseStart("abc"), undefined);
  assert.equal(parseStart("0"), undefined);
});
