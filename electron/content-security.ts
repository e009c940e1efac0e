const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The window's policy as the meta tag in renderer/index.html carries it: our own files only, no remote origin. */
export const PAGE_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The full policy, sent as a response header by every transport; a meta tag cannot carry frame-ancestors. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
