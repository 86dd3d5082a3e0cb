// The web page: static HTML, CSS and browser ES modules from src/web (no build step), plus the
// diff2html bundle from node_modules. Client-side routes (/p/…, /status) all get the same page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import { fromPackageRoot } from '../package-root.ts';

export const WEB_ROOT = fromPackageRoot('src', 'web');

function diff2htmlBundles(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('diff2html/package.json')), 'bundles');
}

const staticOptions = {
  index: false,
  redirect: false,
  dotfiles: 'deny' as const,
  // Revalidated by ETag each time: the files change with a deploy and carry no content hash.
  cacheControl: true,
  maxAge: 0,
  setHeaders: (res: express.Response) => res.setHeader('Cache-Control', 'no-cache'),
};

export function mountWebPage(app: express.Express, webRoot: string = WEB_ROOT): void {
  const page = fs.readFileSync(path.join(webRoot, 'index.html'));
  const sendPage: express.RequestHandler = (_req, res) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(page);
  };
  app.get('/', sendPage);
  app.get('/p/*splat', sendPage);
  app.get('/status', sendPage);
  app.use('/assets', express.static(webRoot, staticOptions));

  const bundles = diff2htmlBundles();
  app.get('/vendor/diff2html.min.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').sendFile(path.join(bundles, 'js', 'diff2html.min.js'));
  });
  app.get('/vendor/diff2html.min.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').sendFile(path.join(bundles, 'css', 'diff2html.min.css'));
  });
}
