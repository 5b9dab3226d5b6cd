// Security headers on every answer, through helmet. The web app loads only its own scripts;
// inline styles are allowed because React and the chart library set style attributes.
import helmet from 'helmet';

/** The policy as written (helmet's defaults would add `upgrade-insecure-requests`, which breaks plain-HTTP serving on a LAN). */
const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  // The server speaks plain HTTP (TLS is the reverse proxy's): HSTS is the proxy's to send, if at all.
  strictTransportSecurity: false,
});
