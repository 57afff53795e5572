// What a parent sees on a phone, checked in Chromium with JavaScript off (nothing here may
// need it): urgent help in one line and the page's heading on the first screen; every menu
// item in view and reachable by keyboard; with text at 200 %, the menu folded behind "Menu"
// (a <details>) so the heading starts on the first screen; a dark page when the phone is set to dark; "Closed"
// in plain colours, not alarm red; an email address that wraps only where addresses do.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { htmlFiles, serveBuiltSite, type BuiltSite } from "../helpers.ts";
import { largeTextWithoutScript, textSizeScript } from "../support/text-size.ts";

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

/** What the browser tells screen readers about the first element matching `selector` (Chromium's own tree, not a guess). */
async function axOf(page: Page, selector: string): Promise<{ role: string; name: string; expanded?: boolean; ignored: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  const n = nodes[0]!;
  const expanded = n.properties?.find((p) => p.name === "expanded")?.value.value as boolean | undefined;
  return { role: String(n.role?.value ?? ""), name: String(n.name?.value ?? ""), expanded, ignored: n.ignored };
}

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
        spread:
          Math.max(...shown.map((el) => el.getBoundingClientRect().top)) - Math.min(...shown.map((el) => el.getBoundingClientRect().top)),
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

test("phone: with a booking link set, 'Book a visit' is on the first screen of every page, after the strip's call", async () => {
  for (const path of ["/", "/es/", "/blog/newborn-first-week/", "/contact/"]) {
    const page = await open(phone, path);
    const m = await page.evaluate(() => {
      const book = document.querySelector<HTMLAnchorElement>(".masthead .button--book")!;
      const call = document.querySelector<HTMLAnchorElement>(".sick a[href^='tel:']")!;
      return {
        text: book.innerText.trim(),
        bottom: book.getBoundingClientRect().bottom,
        shown: book.getBoundingClientRect().width > 0,
        callFirst: !!(call.compareDocumentPosition(book) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    });
    assert.ok(m.shown && m.bottom <= PHONE.height / 3, `${path}: ${JSON.stringify(m)}`);
    assert.equal(m.text, path === "/es/" ? "Pida una cita" : "Book a visit");
    assert.ok(m.callFirst, `${path}: call comes first`);
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
      assert.deepEqual(
        links.filter((l) => l.hidden).map((l) => l.text),
        [],
        `${path} at ${width}px: menu items not fully in view`,
      );
      const reached = new Set<string>();
      for (let i = 0; i < 40 && reached.size < links.length; i++) {
        await page.keyboard.press("Tab");
        const href = await page.evaluate(() =>
          document.activeElement?.closest(".mainnav") ? document.activeElement.getAttribute("href") : null,
        );
        if (href) reached.add(href);
      }
      assert.deepEqual([...reached].sort(), links.map((l) => l.href).sort(), `${path}: Tab reaches every menu item`);
      await page.close();
    }
    await context.close();
  }
});

// Measured on the demo before the menu folded: the heading started 1083-1233 px down (1.3 to
// 1.5 screens), the header alone 912 px tall; now 746-762 px. The practice's alerts stand
// above the header on purpose (urgent news comes first), so their height is not counted.
test("phone, text at 200 %, no JavaScript: below the strip, any alerts and the header, every page's heading starts on the first screen", async () => {
  const big = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  await largeTextWithoutScript(big, "200%");
  const page = await big.newPage();
  const pages = (await htmlFiles(site.out)).map((f) => "/" + f.replace(/index\.html$/, ""));
  assert.ok(pages.length > 50, `${pages.length} pages`);
  const late: string[] = [];
  // One tab, page after page: three tabs at once, each page's stylesheet going through
  // route.fetch, once left a navigation waiting for its load event until it timed out (CI).
  for (const path of pages) {
    await page.goto(site.server.url + path, { waitUntil: "load" });
    const m = await page.evaluate(() => ({
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
      h1: document.querySelector("h1")!.getBoundingClientRect().top + scrollY,
      alerts: document.querySelector(".alerts")?.getBoundingClientRect().height ?? 0,
    }));
    assert.equal(m.rem, 32, `${path}: the text is at 200 %`);
    if (m.h1 - m.alerts > PHONE.height)
      late.push(`${path}: the heading starts at ${Math.round(m.h1)}px (alerts: ${Math.round(m.alerts)}px)`);
  }
  assert.deepEqual(late, [], `the first screen is ${PHONE.height}px tall`);
  await big.close();
});

test("phone, text at 200 %, no JavaScript: the menu is a 'Menu' disclosure; keyboard and screen readers open it and reach every item", async () => {
  const big = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  await largeTextWithoutScript(big, "200%");
  for (const [path, label] of [
    ["/", "Menu"],
    ["/es/", "Menú"],
    ["/blog/newborn-first-week/", "Menu"],
  ] as const) {
    const page = await open(big, path);
    const toggle = page.locator(".mainnav summary");
    // Chromium's own disclosure (role DisclosureTriangle, read as a button), collapsed.
    assert.deepEqual(
      await axOf(page, ".mainnav summary"),
      { role: "DisclosureTriangle", name: label, expanded: false, ignored: false },
      path,
    );
    const links = page.locator(".mainnav a");
    const count = await links.count();
    assert.ok(count >= 8, `${path}: ${count} menu items`);
    assert.equal(await links.first().isVisible(), false, `${path}: folded at first`);
    assert.equal((await axOf(page, ".mainnav a")).ignored, true, `${path}: folded items are not read out`);
    // Tab to "Menu" (past the strip, brand, booking, language and search), open it with Enter.
    let onToggle = false;
    for (let i = 0; i < 30 && !onToggle; i++) {
      await page.keyboard.press("Tab");
      onToggle = await page.evaluate(() => document.activeElement?.matches(".mainnav summary") ?? false);
    }
    assert.ok(onToggle, `${path}: Tab reaches "${label}"`);
    await page.keyboard.press("Enter");
    assert.equal((await axOf(page, ".mainnav summary")).expanded, true, `${path}: expanded`);
    assert.deepEqual(
      await axOf(page, ".mainnav a"),
      { role: "link", name: await links.first().innerText(), expanded: undefined, ignored: false },
      path,
    );
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const reached: string[] = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement!.getAttribute("href") ?? ""));
    }
    assert.deepEqual(reached, hrefs, `${path}: Tab walks the menu in order`);
    for (let i = 0; i < count; i++) assert.ok(await links.nth(i).isVisible(), `${path}: item ${i + 1} shown`);
    // Space closes it again, as on any disclosure.
    await toggle.focus();
    await page.keyboard.press(" ");
    assert.equal(await links.first().isVisible(), false, `${path}: folded again`);
    await page.close();
  }
  await big.close();
});

test("the menu stays open, with no 'Menu' to press, wherever it fits: phones at normal text (390 and 320 px) and computers at 200 %", async () => {
  const cases = [
    { viewport: PHONE, size: "" },
    { viewport: { width: 320, height: 640 }, size: "" },
    { viewport: { width: 1280, height: 800 }, size: "200%" },
  ];
  for (const c of cases) {
    const context = await site.browser.newContext({ viewport: c.viewport, javaScriptEnabled: false });
    if (c.size) await largeTextWithoutScript(context, c.size);
    const page = await open(context, "/");
    assert.equal(await page.locator(".mainnav summary").isVisible(), false, `${c.viewport.width}px ${c.size}: no "Menu"`);
    const hidden = await page.locator(".mainnav a").evaluateAll((as) => as.filter((a) => a.getBoundingClientRect().width === 0).length);
    assert.equal(hidden, 0, `${c.viewport.width}px ${c.size}: every item shown`);
    const edges = await page.evaluate(() =>
      [".brand", ".mainnav a"].map((s) => Math.round(document.querySelector(s)!.getBoundingClientRect().left)),
    );
    assert.equal(edges[1], edges[0], `${c.viewport.width}px ${c.size}: the menu lines up with the practice's name, not indented`);
    // The <details> stays closed underneath: screen readers must still get the items, and no "Menu".
    assert.equal((await axOf(page, ".mainnav summary")).role, "none", `${c.viewport.width}px ${c.size}`);
    assert.equal((await axOf(page, ".mainnav a")).ignored, false, `${c.viewport.width}px ${c.size}: the items are read out`);
    await context.close();
  }
});

test("dark scheme: the phone's setting gives a dark page with light text, derived from the brand", async () => {
  const dark = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false, colorScheme: "dark" });
  const light = await open(phone, "/");
  const page = await open(dark, "/");
  const lum = (c: string) => {
    const [r, g, b] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => v / 255)
      .map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
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
  // The hero photo is dimmed a little on the dark page, so it doesn't glare; not on the light one.
  const dim = (p: Page) => p.evaluate(() => getComputedStyle(document.querySelector(".hero__media img")!).filter);
  assert.equal(await dim(light), "none");
  assert.match(await dim(page), /^brightness\(0\.8\d*\)$/);
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
