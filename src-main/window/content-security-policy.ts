/**
 * One strict policy for the desktop window and the browser: only the app's own scripts, styles and
 * fonts; no remote content; API calls only to the app itself.
 */
const COLOR_SCHEME_RULES = [
  "'sha256-HzhUjVBe6Oi2wcxUM7bmy2Rp9VdLMHYDdYr9MalNmOY='", // :root { color-scheme: light; }
  "'sha256-xVQ4mcypV0CvOtZpQgVcKpcoNvdUkR9BrwZBrtBbU+w='", // :root { color-scheme: dark; }
];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The design system writes exactly one of these two rules (light or dark scheme) in a <style>:
  // allowed by their hashes, and nothing else inline.
  `style-src 'self' ${COLOR_SCHEME_RULES.join(' ')}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
