// Lists every route the app serves, read from Express's own router, so a new route cannot escape the suites.

import type { Express } from 'express';

export interface RouteInfo {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  matchers?: ((path: string) => { path: string } | false)[];
}

export function listRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) out.push({ method: method.toUpperCase(), path: prefix + layer.route.path });
      } else if (layer.handle?.stack) {
        // A router mounted at /api matches "/api/…" with path "/api"; one mounted at the root matches with "".
        const mounted = layer.matchers?.[0]?.('/api/probe');
        walk(layer.handle.stack, prefix + (mounted ? mounted.path.replace(/\/$/, '') : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out.filter((r) => !r.path.startsWith('/static'));
}
