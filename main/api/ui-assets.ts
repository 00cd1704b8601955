import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { rendererDist } from '../core/app-info.js';

/**
 * The built UI and its Content-Security-Policy, shared by the headless HTTP server and the app's
 * custom protocol. Ant Design injects its styles at run time, so every page load gets a fresh
 * nonce: the policy allows those style elements and nothing else inline.
 */
export function newNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Response headers of the index page: this load's policy, no caching, no sniffing, no referrer. */
export function uiIndexHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Response headers of a built UI file. */
export function uiAssetHeaders(type: string): Record<string, string> {
  return { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
}

export function uiIndexHtml(nonce: string, dist = rendererDist): string | undefined {
  const file = path.join(dist, 'index.html');
  if (!fs.existsSync(file)) return undefined;
  return fs.readFileSync(file, 'utf8').replace('%HERALD_CSP_NONCE%', nonce);
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.html': 'text/html; charset=utf-8',
};

/** A file of the built UI, or undefined when the path escapes the folder or does not exist. */
export function uiAsset(urlPath: string, dist = rendererDist): { body: Buffer; type: string } | undefined {
  const clean = decodeURIComponent(urlPath.split('?')[0] ?? '');
  const full = path.resolve(dist, `.${clean}`);
  if (!full.startsWith(path.resolve(dist) + path.sep)) return undefined;
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) return undefined;
  return { body: fs.readFileSync(full), type: TYPES[path.extname(full)] ?? 'application/octet-stream' };
}
