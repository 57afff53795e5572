// The entry for Eleventy's own command line (`npm start`: eleventy --serve). It is the one
// place that reads the environment: it makes the build session that lives as long as the
// server, and hands it to the configuration in lib/build/configure.ts. `npm run build`
// does not come through here (lib/build/build.ts makes a session per build).
import type UserConfig from "@11ty/eleventy/UserConfig";
import { clockFromEnv } from "./lib/build/clock.ts";
import { projectRoot } from "./lib/build/project.ts";
import { configure } from "./lib/build/configure.ts";
import { createSession, type RunMode } from "./lib/build/session.ts";

export default function (cfg: UserConfig) {
  const env = process.env;
  // Eleventy sets ELEVENTY_RUN_MODE from its --serve / --watch flags before it loads this file.
  const run: RunMode = env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch" ? env.ELEVENTY_RUN_MODE : "build";
  const mode = env.PRACTICE_MODE || (run === "build" ? "production" : "preview");
  if (mode !== "preview" && mode !== "production") throw new Error(`PRACTICE_MODE: expected preview or production, got ${mode}`);
  const root = projectRoot(env);
  configure(
    cfg,
    createSession({
      root,
      contentDir: env.PRACTICE_CONTENT,
      mode,
      prefix: env.PATH_PREFIX ?? "",
      clock: clockFromEnv(env),
      cacheDir: env.PRACTICE_CACHE,
      run,
      progress: (line) => console.log(line),
    }),
  );
}
