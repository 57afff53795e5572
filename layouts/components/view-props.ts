// What every view receives: the site model and its own route.
import type { Route, Site } from "../../lib/model/model.ts";

export type RouteOf<K extends Route["kind"]> = Extract<Route, { kind: K }>;

export interface ViewProps<K extends Route["kind"]> {
  site: Site;
  route: RouteOf<K>;
}
