// How .eleventy.ts hands a failed build to the preview (`npm start` only; `npm run build`
// never calls these): the status, the server middleware, and a failed build that writes nothing.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { PageRenderError } from "../content/problems.ts";
import { problemsPage } from "./page.ts";
import { problemsMiddleware } from "./server.ts";
import { PreviewStatus } from "./status.ts";

/** The preview's status, with the dev server set up to show it. */
export function previewStatus(cfg: UserConfig, outDir: () => string | undefined, prefix: string): PreviewStatus {
  const status = new PreviewStatus();
  cfg.setServerOptions({ middleware: [problemsMiddleware(status, outDir, prefix)] });
  return status;
}

/**
 * What a page that could not be rendered is written as in the preview: the build goes on
 * with the other pages, and the server shows the current problems at its address.
 */
export function failedPage(status: PreviewStatus, failure: PageRenderError, url: string): string {
  status.fail(failure);
  const html = url.endsWith("/") || url.endsWith(".html");
  return html ? problemsPage({ lines: [failure.message], unexpected: true, details: [] }) : `${failure.message}\n`;
}

/**
 * The config as seen by a part that paginates over global data (the editor, lib/cms/admin.ts):
 * in a preview build whose content failed there is no site to render its pages from, so
 * its data is an empty list then, and the build writes none of them (the last good ones stay).
 */
export function pausedWhen(cfg: UserConfig, failed: () => boolean): UserConfig {
  return new Proxy(cfg, {
    get(target, key) {
      if (key === "addGlobalData") {
        return (name: string, data: unknown) =>
          target.addGlobalData(name, () => (failed() ? [] : typeof data === "function" ? (data as () => unknown)() : data));
      }
      const value: unknown = Reflect.get(target, key, target);
      // Bound to the real config: its methods use private fields, which a proxy has not.
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
