// The comment renderer: separate from the one staff use, and stricter. A visitor typed
// this text, so raw HTML is never rendered (markdown-it escapes it), no images, headings
// or tables, only web and mail links (and links within this site: a path such as
// /blog/flu/ or another comment's #comment-…, which comments moved from WordPress use),
// and every link is marked as user content.
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
/**
 * A path on this site: one leading "/" only ("//host" and "/\\host" lead to other sites),
 * nothing a browser would strip or read as a slash; or a link to the comments or a comment.
 */
const SITE_LINK = /^(\/(?![/\\%])[^\s\\\u0000-\u001f\u007f]*|#comments|#comment-[a-z0-9]+(?:-[a-z0-9]+)*)$/;

export const COMMENT_LINK_REL = "nofollow ugc noopener";

function createCommentMarkdown() {
  // breaks: a parent's line breaks are kept as typed; html: false escapes every tag.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: true });
  // Images would load from anywhere (blocked by the policy, and a tracking pixel if not);
  // headings would break the page's outline; tables don't fit a phone.
  md.disable(["image", "heading", "lheading", "table"]);
  // Only absolute web and mail links and links within the site; anything else (javascript:, data:, other relative links) stays text.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim()) || SITE_LINK.test(url);
  const defaultOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    token.attrSet("rel", COMMENT_LINK_REL);
    // A site path gets the host's prefix (/clinic/blog/flu/), as every other link does.
    const href = String(token.attrGet("href") ?? "");
    const prefix = (env as CommentEnv | undefined)?.prefix;
    if (prefix && href.startsWith("/")) token.attrSet("href", prefix + href);
    return defaultOpen(tokens, idx, options, env, self);
  };
  return md;
}

const md = createCommentMarkdown();

export interface RenderedComment {
  html: string;
  /** Links in the comment (for the import's spam check). */
  links: number;
}

interface CommentEnv {
  /** The host's path prefix ("/clinic"), put before links to site paths. */
  prefix?: string;
}

export function renderComment(source: string, env: CommentEnv = {}): RenderedComment {
  const state = { ...env };
  const tokens = md.parse(source, state);
  let links = 0;
  for (const token of tokens) for (const child of token.children ?? []) if (child.type === "link_open") links++;
  return { html: md.renderer.render(tokens, md.options, state), links };
}
