// The preview's social kit (/_staff/social-kit/): each new post and event with the text for
// each network, ready to copy, and its images to download. Like the staff page it is a page
// of its own (no menus, feeds, canonical address or social tags; noindex), written in English;
// each text carries its own language. Everything works without JavaScript: the texts are in
// read-only boxes to select, and the images are links; the Copy buttons are an extra.
import type { Site } from "../lib/model/model.ts";
import type { NetworkCopy } from "../lib/kit/copy.ts";
import { KIT_URL, type Kit, type KitImage, type KitItem } from "../lib/kit/items.ts";
import { KIT_CSS, KIT_JS } from "../lib/kit/page.ts";
import { STAFF_URL } from "../lib/staff/page.ts";
import { displayDate } from "../lib/model/time.ts";
import { StaffShell } from "./components/staff-shell.tsx";
import { renderToString } from "./render.ts";

const number = new Intl.NumberFormat("en");

function Count({ copy, id }: { copy: NetworkCopy; id: string }): JSX.Element {
  const over = copy.count > copy.limit;
  return (
    <p id={id}>
      {number.format(copy.count)} of {number.format(copy.limit)} {copy.unit}
      {over ? <span class="status status--no">Too long by {number.format(copy.count - copy.limit)}</span> : null}
    </p>
  );
}

function CopyBox({
  id,
  label,
  text,
  lang,
  rows,
  copy,
}: {
  id: string;
  label: string;
  text: string;
  lang: string;
  rows: number;
  copy?: NetworkCopy;
}): JSX.Element {
  return (
    <div class="kit-copy">
      <label for={id}>{label}</label>
      <textarea id={id} readonly rows={String(rows)} lang={lang} spellcheck="false" aria-describedby={copy ? `${id}-count` : undefined}>
        {text}
      </textarea>
      {copy && <Count copy={copy} id={`${id}-count`} />}
      <p>
        <button type="button" data-copy={id} data-status={`${id}-status`} hidden>
          Copy <span class="visually-hidden">{label}</span>
        </button>
        <span id={`${id}-status`} role="status"></span>
      </p>
    </div>
  );
}

function Image({ site, image, label }: { site: Site; image: KitImage; label: string }): JSX.Element {
  const type = image.url.endsWith(".png") ? "PNG" : "JPEG";
  return (
    <figure>
      <img src={site.urls.href(image.url)} alt={image.alt} width={String(image.width)} height={String(image.height)} loading="lazy" />
      <figcaption>
        <a href={site.urls.href(image.url)} download={image.download}>
          Download the {label} ({image.width}×{image.height} {type})
        </a>
      </figcaption>
    </figure>
  );
}

const STATES: Record<KitItem["accounts"][number]["state"], string> = {
  sent: "posted",
  pending: "waiting: sent with the next publish",
  sending: "being sent",
  uncertain: "to check by hand (the send may not have finished)",
};

/** Where `npm run announce` posted it, or will. */
function Announced({ item, record }: { item: KitItem; record: boolean }): JSX.Element {
  if (!record) return <></>;
  if (!item.accounts.length) return <p class="kit-accounts">Not announced yet: it goes out with the next publish.</p>;
  return (
    <ul class="kit-accounts">
      {item.accounts.map((a) => (
        <li>
          <code>{a.account}</code>: {a.url ? <a href={a.url}>{STATES[a.state]}</a> : STATES[a.state]}
          {a.error && <> ({a.error})</>}
        </li>
      ))}
    </ul>
  );
}

function Item({ site, item, n, kit }: { site: Site; item: KitItem; n: string; kit: Kit }): JSX.Element {
  const byHand = item.copies.filter((c) => !c.automatic);
  const automatic = item.copies.filter((c) => c.automatic);
  const box = (c: NetworkCopy) => (
    <>
      <CopyBox id={`${n}-${c.network}`} label={`Text for ${c.label}`} text={c.text} lang={item.lang} rows={10} copy={c} />
      {c.link && (
        <CopyBox id={`${n}-${c.network}-link`} label={`Link for ${c.label} (${c.link.note})`} text={c.link.url} lang={item.lang} rows={2} />
      )}
    </>
  );
  return (
    <article class="kit-item" aria-labelledby={`${n}-title`}>
      <h3 id={`${n}-title`}>
        <a href={site.urls.href(item.url)} lang={item.lang}>
          {item.title}
        </a>{" "}
        {item.cancelled && <span class="badge badge--draft">Cancelled</span>}
      </h3>
      <p>
        <time datetime={item.when.toISODate()!}>{displayDate(item.when, "en")}</time>
        <code class="file">{item.file}</code>
      </p>
      <Announced item={item} record={kit.rule === "record"} />
      <div class="kit-images">
        <Image site={site} image={item.square} label="square for Instagram" />
        <Image site={site} image={item.card} label="card for links" />
      </div>
      <CopyBox
        id={`${n}-alt`}
        label="Description of the square (Instagram: Advanced settings, Write alt text)"
        text={item.square.alt}
        lang={item.lang}
        rows={3}
      />
      {byHand.map(box)}
      <details>
        <summary>Text for {automatic.map((c) => c.label).join(", ")}</summary>
        <p>
          When the account is connected, <code>npm run announce</code> posts this text after each publish: copy it only to post by hand.
        </p>
        {automatic.map(box)}
      </details>
    </article>
  );
}

function Section({
  site,
  kit,
  id,
  title,
  items,
  none,
}: {
  site: Site;
  kit: Kit;
  id: string;
  title: string;
  items: readonly KitItem[];
  none: string;
}): JSX.Element {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length ? items.map((item, i) => <Item site={site} kit={kit} item={item} n={`${id}-${i + 1}`} />) : <p>{none}</p>}
    </section>
  );
}

export function kitHtml(site: Site, kit: Kit): string {
  return renderToString(
    <>
      {{ html: "<!doctype html>" }}
      <StaffShell site={site} url={KIT_URL} title="Social kit" css={KIT_CSS} script={KIT_JS}>
        <h1>Social kit</h1>
        <p class="note">
          This page is only in the preview (<code>npm start</code>) and is never published. It lists{" "}
          {kit.rule === "record" ? (
            <>
              the posts and events that go out with the next publish, and those announced in the last {kit.days} days (from{" "}
              <code>content/_data/announced.json</code>)
            </>
          ) : (
            <>the posts of the last {kit.days} days and the events not yet over (nothing has been announced yet to compare with)</>
          )}
          , as of <time datetime={kit.now.toISODate()!}>{displayDate(kit.now, "en")}</time>. For each: the text for each network, ready to
          copy, and the images to download.
        </p>
        {kit.recordError && (
          <p>
            <span class="status status--no">Record not read</span> {kit.recordError}
          </p>
        )}
        <p>
          <a href={site.urls.href(STAFF_URL)}>Staff checks</a> · <a href={site.urls.href("/")}>Back to the preview of the site</a>
        </p>
        <Section site={site} kit={kit} id="kit-posts" title="New posts" items={kit.posts} none="No new posts." />
        <Section site={site} kit={kit} id="kit-events" title="Events" items={kit.events} none="No new events." />
      </StaffShell>
    </>,
  );
}
