// The import plan's shapes, shared by the planner (plan.ts), its helpers, the writer
// (apply.ts) and the report (report.ts).
export interface PlanContext {
  /** The practice's IANA zone: every date is written in it. */
  zone: string;
  providers: readonly { slug: string; name: string }[];
  /** Whether a file (path under wp-content/uploads/) is in --media-dir; undefined without one. */
  mediaExists?: (rel: string) => boolean;
  /** Site paths the site itself uses, which an imported page must not take. */
  reservedPages?: readonly string[];
  /** The practice's own pages already in the content folder ("/contact/"): never redirected away, links to them kept. */
  sitePages?: readonly string[];
  /**
   * The old site's category and tag bases when not WordPress's "category" and "tag"
   * (Settings → Permalinks); the export does not say, so --category-base and --tag-base do.
   */
  categoryBase?: string;
  tagBase?: string;
}

export interface PlannedFile {
  /** Relative to the content folder, with forward slashes. */
  path: string;
  text: string;
}

export interface PlannedMedia {
  /** Relative to --media-dir (the copy of wp-content/uploads). */
  from: string;
  /** Relative to the content folder. */
  to: string;
}

export interface Redirect {
  /** A site path, optionally with a query (/?p=12). */
  from: string;
  to: string;
}

/**
 * The report's sections, each a list staff can work through: media not copied, links to
 * old pages that were not imported, embeds turned into links, comments left out, old
 * addresses without a redirect; the rest is "needs a look" or "left out".
 */
export type ReportSection = "media" | "links" | "embeds" | "comments" | "addresses";

export interface ReportLine {
  /** "post “Flu shots” (id 12)", "comment 31 on “Flu shots”". */
  item: string;
  message: string;
  section?: ReportSection;
}

export interface ImportReport {
  counts: {
    posts: number;
    drafts: number;
    privatePosts: number;
    scheduled: number;
    pages: number;
    comments: number;
    media: number;
    redirects: number;
  };
  /** Items left out, each with its reason. */
  skipped: ReportLine[];
  /** Comments left out, counted by reason (spam, pending, trash, pingback...). */
  commentsSkipped: Record<string, number>;
  /** What a person should look at before publishing. */
  review: ReportLine[];
  /** Whole-import notes, shown first ("no --media-dir: no photo or document was copied"). */
  notices: string[];
}

export interface ImportPlan {
  files: PlannedFile[];
  media: PlannedMedia[];
  redirects: Redirect[];
  report: ImportReport;
}
