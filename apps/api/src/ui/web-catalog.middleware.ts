import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { NotFoundException } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

/** Paths the catalog never answers: the API, its docs and the health check stay Nest's alone. */
const RESERVED = /^\/(?:api|healthz)(?:\/|$)/;

/** Vite names every built asset after its content hash, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const UI_NOT_BUILT = 'the web catalog is not built: run `npm run build:ui` (npm install does it)';

/** The built files as URL paths (`/assets/index-3f2a.js`), read once: requests never touch the disk tree. */
function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // build bookkeeping (.build-hash), not the app's
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(`/${relative(root, full).split(sep).join('/')}`, full);
    }
  };
  walk(root);
  return files;
}

function isBuilt(dir: string): boolean {
  try {
    return statSync(join(dir, 'index.html')).isFile();
  } catch {
    return false;
  }
}

/**
 * The web catalog (apps/ui build) at `/`: a file of the build by its exact path, otherwise, for a
 * GET that is not an API path, index.html (the single-page app routes in the browser). Only files
 * listed at start-up are served, so no request path can reach outside the build. No key is needed
 * for these static files: they hold no data; every view fetches /api/v1 with the reader's key.
 */
export function webCatalog(dir: string): (req: Request, res: Response, next: NextFunction) => void {
  const built = isBuilt(dir);
  const files = built ? listFiles(dir) : new Map<string, string>();
  const index = join(dir, 'index.html');
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path)) return next();
    if (!built) return next(new NotFoundException(UI_NOT_BUILT));
    const file = files.get(req.path);
    if (file !== undefined && file !== index) {
      res.setHeader('Cache-Control', req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return res.sendFile(file, (error) => error && next(error));
    }
    // a missing asset is a 404, not the app: a stale page asking for an old chunk must fail visibly
    if (req.path.startsWith('/assets/') || !acceptsHtml(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => error && next(error));
  };
}

function acceptsHtml(req: Request): boolean {
  const accept = req.headers.accept;
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}
