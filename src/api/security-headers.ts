// helmet with a strict Content-Security-Policy: the page loads its own scripts and styles only —
// no inline script, no inline style attribute, no eval — so text from a package can never run even
// if it slipped into the DOM as markup.
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders() {
  return helmet({
    // No upgrade-insecure-requests: the service is often reached over plain HTTP on a private
    // network or localhost, where upgrading subresources would break the page.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
