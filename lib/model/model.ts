// The typed, frozen site model the loader builds and the layouts render.
import type { Palette } from "./brand.ts";
import type { DateTime } from "luxon";
import type { Lang } from "../i18n/index.ts";
import type { AlertLevel, CommentMode, PageBlock } from "../schema/content.ts";
import type { ContentDate } from "./time.ts";
import type { Urls } from "./urls.ts";
import type { Hosting } from "./hosting.ts";
import type { NoticeLink, ThirdPartyHost } from "./trust.ts";
import type { ReadingLevel } from "../readability/index.ts";
import type {
  Resolved,
  FormLink,
  PracticeText,
  LocationText,
  ClosureText,
  DayHours,
  Today,
  ClosureAhead,
  OpenNow,
} from "./practice-text.ts";

export type { Resolved, FormLink, PracticeText, LocationText, ClosureText, DayHours, Today, ClosureAhead, OpenNow };

/** One of the two Pagefind bundles (lib/model/search.ts plans them). */
export interface SearchShard {
  name: "current" | "archive";
  /** Where the bundle goes, relative to the site root (Pagefind's own default first). */
  dir: string;
  /** Output files of the pages it indexes, relative to the site root, sorted. */
  files: string[];
}

export type Mode = "production" | "preview";

export interface Alternate {
  lang: Lang;
  url: string;
}

interface Item {
  key: string;
  lang: Lang;
  /** Path relative to the project, for messages: content/blog/flu.md */
  file: string;
  /** Unprefixed site path, e.g. /blog/flu-shots/ */
  url: string;
  html: string;
  /** Video players the body can load after a click (for the CSP, scripts and the privacy page). */
  videoHosts: readonly string[];
  /** The body shows the open-now status ([[hours-today]]): the page loads live.js to keep it current. */
  live: boolean;
  /** Shown only in preview: why this is not public yet. */
  status: "published" | "draft" | "scheduled";
}

export interface Provider extends Item {
  kind: "provider";
  name: string;
  credentials: string;
  /** "Dr. Maya Okafor, MD, FAAP", or the name alone while credentials are still empty (a draft). */
  fullName: string;
  role: string;
  languages: readonly string[];
  order: number;
  since?: number;
  photo?: string;
  photoAlt?: string;
  /** The portrait as a responsive <picture> (the provider's own page). */
  picture?: string;
  /** The portrait as a small round <picture> for the team grid. */
  avatar?: string;
  /** One or two letters for the monogram shown when there is no portrait: "MO" for "Dr. Maya Okafor". */
  initials: string;
}

export interface TagRef {
  slug: string;
  name: string;
  url: string;
}

export interface Post extends Item {
  kind: "post";
  title: string;
  description: string;
  date: ContentDate;
  tags: readonly TagRef[];
  author?: Provider;
  /** Medical review: who checked the advice, and when (always given together). */
  reviewedBy?: Provider;
  reviewed?: ContentDate;
  readingMinutes: number;
  /** The body's reading level: measured in preview mode only (the staff page, npm run check), never published. */
  reading?: ReadingLevel;
  /** After the automatic close (practice.yaml commentsCloseAfterDays) is applied. */
  comments: CommentMode;
  /** Approved comments (content/comments/<key>/), threaded; absent when comments are off. */
  discussion?: Discussion;
  image?: string;
  imageAlt?: string;
  /** The image at the top of the post, as a responsive <picture>. */
  picture?: string;
  /** The same image as a small, lazy, decorative (alt="") <picture> for blog lists. */
  thumb?: string;
  /** The 1200×630 crop shared on social networks. */
  socialImage?: { url: string; alt: string };
  /** Front matter `announce`: false keeps it off the social accounts; text replaces the summary there. */
  announce?: false | string;
  newer?: Post;
  older?: Post;
}

/** One approved comment file: content/comments/<post key>/<id>.md */
export interface Comment {
  id: string;
  file: string;
  /** The name as the commenter typed it (a practice reply without one: the provider's name). */
  author: string;
  date: ContentDate;
  /** The language the comment is written in. */
  lang: Lang;
  /** Rendered by the strict comment renderer: no raw HTML, ever. */
  html: string;
  /** The Markdown as written, for structured data. */
  text: string;
  replyTo?: string;
  /** Set on a reply from the practice. */
  provider?: Provider;
  /** Its number on the old WordPress site: the page also answers to #comment-<wordpressId>. */
  wordpressId?: number;
}

export interface CommentNode {
  comment: Comment;
  /** Set when the nesting cap shows this reply beside, not under, the comment it answers. */
  inReplyTo?: Comment;
  replies: readonly CommentNode[];
}

export interface Discussion {
  count: number;
  /** Top-level comments, oldest first, each with its replies (nesting capped). */
  threads: readonly CommentNode[];
  /** Every comment, oldest first. */
  all: readonly Comment[];
}

export interface Page extends Item {
  kind: "page";
  title: string;
  description: string;
  nav?: number;
  navTitle?: string;
  blocks: readonly PageBlock[];
  /** Medical review: who checked the advice, and when (always given together). */
  reviewedBy?: Provider;
  reviewed?: ContentDate;
  /** Extra words site search ranks this page first for (front matter `searchTerms`). */
  searchTerms?: readonly string[];
  /** Question/answer pairs when the page is marked `faq: true`. */
  faq?: readonly { question: string; answerHtml: string; answerText: string }[];
}

export interface Event extends Item {
  kind: "event";
  title: string;
  description: string;
  start: ContentDate;
  end: ContentDate;
  /** The instant the event is over (the day after an all-day end date). */
  endsAt: DateTime;
  /** A location key from practice.yaml. */
  locationKey?: string;
  registration?: string;
  cancelled: boolean;
  /** Site path of the event's own .ics file. */
  ics: string;
  announce?: false | string;
}

export interface Alert {
  key: string;
  lang: Lang;
  file: string;
  message: string;
  link?: string;
  linkText?: string;
  level: AlertLevel;
  from: DateTime;
  /** The instant the alert stops showing. */
  until: DateTime;
}

export interface Tag extends TagRef {
  posts: readonly Post[];
}

export interface NavItem {
  /** The language of the title: the default language's for a page not yet translated. */
  lang: Lang;
  title: string;
  url: string;
}

export interface Pager {
  page: number;
  total: number;
  newer?: string;
  older?: string;
}

export interface LangSite {
  lang: Lang;
  practice: PracticeText;
  /** Blog listing: this language's posts plus untranslated default-language posts, newest first. */
  listing: readonly Post[];
  alerts: readonly Alert[];
  forms: readonly FormLink[];
  today: Today;
  /** Closures and holiday hours not yet over, soonest first. */
  closuresAhead: readonly ClosureAhead[];
  /** Each location's open status when the site was built, by location key. */
  openNow: Readonly<Record<string, OpenNow>>;
  posts: readonly Post[];
  /** Not yet over at build time, soonest first. */
  upcoming: readonly Event[];
  /** Over at build time, most recent first. */
  past: readonly Event[];
  tags: readonly Tag[];
  pages: readonly Page[];
  providers: readonly Provider[];
  nav: readonly NavItem[];
  /** practice.yaml brand.hero as a <picture> with this language's description: the home page's photo. */
  heroPicture?: string;
}

export type Route =
  | { kind: "home"; url: string; lang: Lang; page?: Page; latest: readonly Post[]; upcoming: readonly Event[] }
  | { kind: "events"; url: string; lang: Lang }
  | { kind: "event"; url: string; lang: Lang; event: Event }
  | { kind: "eventIcs"; url: string; lang: Lang; event: Event }
  | { kind: "calendar"; url: string; lang: Lang }
  | { kind: "page"; url: string; lang: Lang; page: Page }
  | { kind: "post"; url: string; lang: Lang; post: Post; related: readonly Post[] }
  | { kind: "provider"; url: string; lang: Lang; provider: Provider; posts: readonly Post[] }
  | { kind: "blog"; url: string; lang: Lang; posts: readonly Post[]; pager: Pager }
  | { kind: "tag"; url: string; lang: Lang; tag: Tag; posts: readonly Post[]; pager: Pager }
  | { kind: "tags"; url: string; lang: Lang; tags: readonly Tag[] }
  | { kind: "notFound"; url: string; lang: Lang }
  | { kind: "search"; url: string; lang: Lang }
  | { kind: "privacy"; url: string; lang: Lang }
  | { kind: "accessibility"; url: string; lang: Lang }
  | { kind: "atom"; url: string; lang: Lang }
  | { kind: "jsonFeed"; url: string; lang: Lang }
  | { kind: "sitemap"; url: string; lang: Lang }
  | { kind: "robots"; url: string; lang: Lang }
  | { kind: "sitemapIndex"; url: string; lang: Lang }
  | { kind: "languageAssistance"; url: string; lang: Lang }
  | { kind: "headers"; url: string; lang: Lang }
  | { kind: "socialSprite"; url: string; lang: Lang };

export type RouteKind = Route["kind"];

export interface Site {
  /** practice.yaml in the default language (byLang[lang].practice for others). */
  practice: PracticeText;
  mode: Mode;
  zone: string;
  now: DateTime;
  defaultLang: Lang;
  langs: readonly Lang[];
  urls: Urls;
  prefix: string;
  byLang: Readonly<Record<Lang, LangSite>>;
  /** Encoded image files (in the cache) this build links into its output. */
  imageFiles: readonly string[];
  /** For every page with translations: the same page in each language, default first. */
  alternates: ReadonlyMap<string, readonly Alternate[]>;
  routes: readonly Route[];
  /** Site path of the stylesheet, with a content hash so caches refresh on change. */
  assets: { css: string };
  /** The palette made from practice.yaml `brand` (lib/model/brand.ts); undefined: the stylesheet's own. */
  brand?: Palette;
  /** The browser's theme colour: the brand colour. */
  themeColor: string;
  /** Who serves the site (practice.yaml `hosting`), and whether pages carry the policy as <meta>. */
  hosting: Hosting;
  /** Other companies a page can contact, only after a parent clicks (e.g. a video's play button); from the built content. */
  clickToLoadHosts: readonly ThirdPartyHost[];
  /** The practice's Notice of Privacy Practices, linked from every footer. */
  privacyNotice: NoticeLink;
  /** The Pagefind bundles the build writes and the search page merges. */
  searchShards: readonly SearchShard[];
}
