// Hand-off from the build script to the Eleventy config in the same process: the
// model validated before the build is used by it, instead of being loaded twice.
import type { Site } from "./model.ts";

let preloaded: Site | undefined;

export function setPreloaded(site: Site | undefined): void {
  preloaded = site;
}

export function takePreloaded(): Site | undefined {
  const site = preloaded;
  preloaded = undefined;
  return site;
}
