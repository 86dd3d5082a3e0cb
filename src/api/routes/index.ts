// Every built-in resource, registered in this order. Other resources (links, changelog, jobs) are
// passed to createApp as extra route modules and follow the same convention.
import type { RouteModule } from '../route-module.ts';
import { diffRoute } from './diff-route.ts';
import { fileDiffRoute } from './file-diff-route.ts';
import { healthRoute } from './health-route.ts';
import { historyRoute } from './history-route.ts';
import { packagesRoute } from './packages-route.ts';
import { syncRoute } from './sync-route.ts';
import { versionsRoute } from './versions-route.ts';

export const builtInRoutes: RouteModule[] = [
  healthRoute,
  diffRoute,
  fileDiffRoute,
  versionsRoute,
  packagesRoute,
  historyRoute,
  syncRoute,
];
