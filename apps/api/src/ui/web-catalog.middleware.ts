import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { NotFoundException } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

/** Paths the catalog never answers: the API, its docs and the health check stay Nest's alone. */
const RESERVED = /^\/(?:api|healthz|metrics)(?:\/|$)/;

/** Vite names every built asset after its content hash, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const UI_NOT_BUILT = 'the web catalog is not built: run `npm run build:ui` (npm install does it)';

/** The build's files by URL path (`/assets/index-3f2a.js`); dotfiles (build bookkeeping) left out. */
function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(`/${relative(root, full).split(sep).join('/')}`, full);
    }
  };
  walk(root);
  return files;
}

/** The build as last read: its files, and index.html's mtime that tells when a rebuild replaced them. */
class BuildIndex {
  private files = new Map<string, string>();
  private stamp: number | null = null;

  constructor(private readonly dir: string) {}

  /** One stat of index.html; the tree is re-read only when a rebuild changed it (or it appeared). */
  refresh(): boolean {
    let stamp: number | null;
    try {
      stamp = statSync(join(this.dir, 'index.html')).mtimeMs;
    } catch {
      stamp = null;
    }
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.files = stamp === null ? new Map<string, string>() : listFiles(this.dir);
    }
    return stamp !== null;
  }

  file(path: string): string | undefined {
    return this.files.get(path);
  }
}

/**
 * The web catalog (apps/ui build) at `/`: a file of the build by its exact path, otherwise, for a
 * GET that is not an API path, index.html (the single-page app routes in the browser). Only files
 * listed from the build are served, so no request path can reach outside it. A rebuild while the
 * server runs is picked up at the next page load. No key is needed for these static files: they
 * hold no data; every view fetches /api/v1 with the reader's key.
 */
export function webCatalog(dir: string): (req: Request, res: Response, next: NextFunction) => void {
  const build = new BuildIndex(dir);
  const index = join(dir, 'index.html');
  build.refresh();
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path)) return next();
    const isAsset = req.path.startsWith('/assets/');
    // a page load, or an asset the list lacks (it may be new): see whether the build changed
    let file = build.file(req.path);
    const built = file === undefined || !isAsset ? build.refresh() : true;
    if (!built) return next(new NotFoundException(UI_NOT_BUILT));
    file ??= build.file(req.path);
    if (file !== undefined && file !== index) {
      res.setHeader('Cache-Control', isAsset ? IMMUTABLE : 'no-cache');
      return res.sendFile(file, (error) => error && next(error));
    }
    // a missing asset is a 404, not the app: a stale page asking for an old chunk must fail visibly
    if (isAsset || !acceptsHtml(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => error && next(error));
  };
}

function acceptsHtml(req: Request): boolean {
  const accept = req.headers.accept;
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}
