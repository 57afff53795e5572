// The preview's staff page (/_staff/): medical reviews that are due and every post's
// reading grade. A page of its own, not the parents' layout: no menus, feeds, canonical
// address or social tags, and noindex. Written in English like the web editor (/admin/).
// Colour never carries meaning alone: every flag is also said in words.
import type { Site } from "../lib/model/model.ts";
import type { ReadingLevel } from "../lib/readability/index.ts";
import { formulaName, noGradeReason, type ReadingRow, type ReviewRow, type StaffReport } from "../lib/staff/report.ts";
import { displayDate } from "../lib/model/time.ts";
import { StaffShell } from "./components/staff-shell.tsx";
import { renderToString } from "./render.ts";
import { STAFF_CSS, STAFF_URL } from "../lib/staff/page.ts";
import { KIT_URL } from "../lib/kit/items.ts";

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
const languageName = (lang: string) => languageNames.of(lang) ?? lang;
const when = (dt: import("luxon").DateTime) => <time datetime={dt.toISODate()!}>{displayDate(dt, "en")}</time>;

function Status({ item }: { item: { status: string } }): JSX.Element {
  if (item.status === "published") return <></>;
  return <span class="badge badge--draft">{item.status === "draft" ? "Draft" : "Scheduled"}</span>;
}

function ReviewTable({ site, rows }: { site: Site; rows: readonly ReviewRow[] }): JSX.Element {
  return (
    <div class="table-scroll">
      <table aria-labelledby="staff-reviews">
        <thead>
          <tr>
            <th scope="col">Post or page</th>
            <th scope="col">Reviewed by</th>
            <th scope="col">Reviewed on</th>
            <th scope="col">Due again since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={site.urls.href(r.item.url)} lang={r.item.lang}>
                  {r.item.title}
                </a>
                <Status item={r.item} />
                <code class="file">{r.item.file}</code>
              </th>
              <td>{r.reviewedBy.name}</td>
              <td class="num">{when(r.reviewed.dt)}</td>
              <td class="num">{when(r.due)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Grade({ level, above, target }: { level: ReadingLevel; above: boolean; target: number }): JSX.Element {
  if (level.formula === "none") return <span class="muted">Not measured: {noGradeReason(level)}</span>;
  return (
    <>
      <strong>{level.grade.toFixed(1)}</strong>{" "}
      {above ? <span class="status status--no">Above {target}</span> : <span class="status status--yes">Within target</span>}
    </>
  );
}

function Formula({ level }: { level: ReadingLevel }): JSX.Element {
  if (level.formula === "none") return <></>;
  if (level.formula === "flesch-kincaid") return <>{formulaName(level)}</>;
  return (
    <>
      {formulaName(level)} ease {level.ease.toFixed(1)}; INFLESZ {level.inflesz.score.toFixed(1)},{" "}
      <span lang="es">{level.inflesz.band}</span>
    </>
  );
}

function ReadingTable({ site, rows, target }: { site: Site; rows: readonly ReadingRow[]; target: number }): JSX.Element {
  return (
    <div class="table-scroll">
      <table aria-labelledby="staff-reading">
        <thead>
          <tr>
            <th scope="col">Post</th>
            <th scope="col">Language</th>
            <th scope="col">Grade</th>
            <th scope="col">Words per sentence</th>
            <th scope="col">Syllables per word</th>
            <th scope="col">Formula</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ post, level, above }) => (
            <tr>
              <th scope="row">
                <a href={site.urls.href(post.url)} lang={post.lang}>
                  {post.title}
                </a>
                <Status item={post} />
                <code class="file">{post.file}</code>
              </th>
              <td>{languageName(post.lang)}</td>
              <td class="num">
                <Grade level={level} above={above} target={target} />
              </td>
              <td class="num">{level.sentences ? (level.words / level.sentences).toFixed(1) : "–"}</td>
              <td class="num">{level.words ? (level.syllables / level.words).toFixed(2) : "–"}</td>
              <td>
                <Formula level={level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function staffHtml(site: Site, report: StaffReport): string {
  const { readingGrade, reviewEveryMonths } = report.settings;
  const above = report.reading.filter((r) => r.above).length;
  return renderToString(
    <>
      {{ html: "<!doctype html>" }}
      <StaffShell site={site} url={STAFF_URL} title="Staff checks" css={STAFF_CSS}>
        <h1>Staff checks</h1>
        <p class="note">
          This page is only in the preview (<code>npm start</code>) and is never published. <code>npm run check</code> prints the same
          lists. Worked out {when(report.now)} from <code>practice.yaml</code>: medical reviews are due every {reviewEveryMonths} months (
          <code>reviewEveryMonths</code>), posts aim for grade {readingGrade} or below (<code>readingGrade</code>). Nothing here stops the
          site from building.
        </p>
        <p>
          <a href={site.urls.href(KIT_URL)}>Social kit: text and images for new posts and events</a> ·{" "}
          <a href={site.urls.href("/")}>Back to the preview of the site</a>
        </p>
        <h2 id="staff-reviews">Medical reviews due ({report.reviewsDue.length})</h2>
        {report.reviewsDue.length ? (
          <>
            <p>
              Ask the provider to read these again. When the advice is still right (or once it is fixed), change <code>reviewed</code> to
              the date of the new review.
            </p>
            <ReviewTable site={site} rows={report.reviewsDue} />
          </>
        ) : (
          <p>None: every medical review is less than {reviewEveryMonths} months old.</p>
        )}
        <h2 id="staff-reading">
          Reading grade of each post ({above} above grade {readingGrade})
        </h2>
        <p>
          The grade is the US school year a reader needs to follow the text easily: grade {readingGrade} or below is the target. It comes
          from sentence length and word length only, so shorter sentences and everyday words bring it down. English uses Flesch–Kincaid;
          Spanish uses Fernández-Huerta, turned into a grade with Flesch's table, and shows the INFLESZ score too (55 or more is what
          Spanish health writing aims for). Headings, list items and table cells count as sentences; code, web addresses, image descriptions
          and numbers are left out.
        </p>
        {report.reading.length ? <ReadingTable site={site} rows={report.reading} target={readingGrade} /> : <p>No posts yet.</p>}
      </StaffShell>
    </>,
  );
}
