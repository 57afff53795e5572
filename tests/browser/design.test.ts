// What a parent sees on a phone, checked in Chromium with JavaScript off (nothing here may
// need it): urgent help in one line and the page's heading on the first screen; every menu
// item in view and reachable by keyboard; a dark page when the phone is set to dark; "Closed"
// in plain colours, not alarm red; an email address that wraps only where addresses do.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { serveBuiltSite, type BuiltSite } from "../helpers.ts";
import { textSizeScript } from "../support/text-size.ts";

// Tuesday 24 November 2026, 10 PM in Oregon: every office is closed until the morning.
const NIGHT = Date.parse("2026-11-25T06:00:00Z") / 1000;
const PHONE = { width: 390, height: 844 };

let site: BuiltSite;
let phone: BrowserContext;

before(async () => {
  site = await serveBuiltSite({ sourceDateEpoch: NIGHT });
  phone = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
});

after(() => site?.close());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(site.server.url + path, { waitUntil: "load" });
  assert.equal(response?.status(), 200, path);
  return page;
}

test("phone: urgent help is one line (call, nurse line, when to call, 911) and the heading is on the first screen", async () => {
  for (const path of ["/", "/es/", "/blog/newborn-first-week/", "/contact/", "/providers/maya-okafor/", "/events/"]) {
    const page = await open(phone, path);
    const m = await page.evaluate(() => {
      const shown = [...document.querySelectorAll<HTMLElement>(".sick__inner > *")].filter((el) => el.getBoundingClientRect().width > 1);
      const h1 = document.querySelector("h1")!.getBoundingClientRect();
      return {
        labels: shown.map((el) => el.innerText.trim()),
        // Baselines align; a second line would start a whole line lower.
        spread: Math.max(...shown.map((el) => el.getBoundingClientRect().top)) - Math.min(...shown.map((el) => el.getBoundingClientRect().top)),
        strip: document.querySelector(".sick")!.getBoundingClientRect().height,
        names: [...document.querySelectorAll<HTMLAnchorElement>(".sick a")].map((a) => a.textContent.replace(/\s+/g, " ").trim()),
        h1Bottom: h1.bottom,
      };
    });
    assert.ok(m.spread < 10, `${path}: the strip wraps: ${m.labels.join(" | ")}`);
    assert.ok(m.strip <= 40, `${path}: the strip is ${m.strip}px tall`);
    assert.equal(m.labels.length, 4, `${path}: ${m.labels.join(" | ")}`);
    assert.ok(m.h1Bottom <= PHONE.height, `${path}: the heading ends at ${m.h1Bottom}px`);
    // Screen readers still hear the numbers the phone layout leaves out.
    assert.match(m.names[0]!, /\(503\) 555-0142$/, path);
    assert.match(m.names[1]!, /\(503\) 555-0199$/, path);
    await page.close();
  }
});

test("phone: every main-menu item is in view, none cut off or scrolled away, and the keyboard reaches each one", async () => {
  for (const width of [390, 320]) {
    const context = await site.browser.newContext({ viewport: { width, height: 700 }, javaScriptEnabled: false });
    for (const path of ["/", "/es/"]) {
      const page = await open(context, path);
      const links = await page.evaluate(() => {
        const out: { text: string; href: string; hidden: boolean }[] = [];
        for (const a of document.querySelectorAll<HTMLAnchorElement>(".mainnav a")) {
          a.scrollIntoView({ block: "center" });
          const r = a.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          const inside = r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width > 0;
          out.push({ text: a.textContent.trim(), href: a.getAttribute("href")!, hidden: !inside || !(hit === a || a.contains(hit)) });
        }
        return out;
      });
      assert.ok(links.length >= 8, `${path}: ${links.length} menu items`);
      assert.deepEqual(links.filter((l) => l.hidden).map((l) => l.text), [], `${path} at ${width}px: menu items not fully in view`);
      const reached = new Set<string>();
      for (let i = 0; i < 40 && reached.size < links.length; i++) {
        await page.keyboard.press("Tab");
        const href = await page.evaluate(() => (document.activeElement?.closest(".mainnav") ? document.activeElement.getAttribute("href") : null));
        if (href) reached.add(href);
      }
      assert.deepEqual([...reached].sort(), links.map((l) => l.href).sort(), `${path}: Tab reaches every menu item`);
      await page.close();
    }
    await context.close();
  }
});

test("dark scheme: the phone's setting gives a dark page with light text, derived from the brand", async () => {
  const dark = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false, colorScheme: "dark" });
  const light = await open(phone, "/");
  const page = await open(dark, "/");
  const lum = (c: string) => {
    const [r, g, b] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => v / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const colours = async (p: Page) => {
    const c = await p.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      card: getComputedStyle(document.querySelector(".card")!).backgroundColor,
      button: getComputedStyle(document.querySelector(".hero .button")!).backgroundColor,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
    return { ...c, page: lum(c.page), text: lum(c.text), card: lum(c.card) };
  };
  const [l, d] = [await colours(light), await colours(page)];
  assert.ok(l.page > 0.8 && l.text < 0.05, JSON.stringify(l));
  assert.ok(d.page < 0.02 && d.card < 0.05 && d.text > 0.7, JSON.stringify(d));
  assert.ok(d.card > d.page, "cards stand out from the dark page");
  assert.notEqual(d.button, l.button, "buttons change with the scheme");
  assert.equal(d.scheme, "light dark");
  await dark.close();
});

test("'Closed · opens tomorrow' is shown in the text colour with a hollow dot, not in alarm red", async () => {
  const page = await open(phone, "/");
  const statuses = await page.evaluate(() =>
    [...document.querySelectorAll(".glance .open-status")].map((el) => ({
      text: el.textContent,
      colour: getComputedStyle(el).color,
      ink: getComputedStyle(el.closest(".card")!).color,
      dot: getComputedStyle(el, "::before").backgroundColor,
    })),
  );
  assert.ok(statuses.length >= 2);
  for (const s of statuses) {
    assert.match(s.text, /^Closed · opens tomorrow at/);
    assert.equal(s.colour, s.ink, "closed is plain text colour");
    assert.equal(s.dot, "rgba(0, 0, 0, 0)", "closed has a hollow dot");
  }
});

test("an email address wraps only after @ or before a dot, never inside a word, with text at 200 %", async () => {
  // With script on: the text size is set by an init script (the page's own scripts don't matter here).
  const big = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  await big.addInitScript({ content: textSizeScript("200%") });
  const page = await open(big, "/");
  const lines = await page.evaluate(() => {
    const a = document.querySelector<HTMLAnchorElement>('.sitefoot a[href^="mailto:"]')!;
    const text: { ch: string; top: number }[] = [];
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        text.push({ ch: node.textContent![i]!, top: Math.round(range.getBoundingClientRect().top) });
      }
    }
    const out: string[] = [];
    text.forEach((c, i) => (i === 0 || c.top !== text[i - 1]!.top ? out.push(c.ch) : (out[out.length - 1] += c.ch)));
    return out;
  });
  assert.ok(lines.length > 1, `the address fits one line at this size; the test proves nothing: ${lines.join("|")}`);
  assert.equal(lines.join(""), "hello@juniperhillpeds.example");
  for (let i = 1; i < lines.length; i++) {
    assert.ok(lines[i - 1]!.endsWith("@") || lines[i]!.startsWith("."), `breaks inside a word: ${lines.join(" | ")}`);
  }
  await big.close();
});
