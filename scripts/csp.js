/* global module */
/**
 * The pages' Content-Security-Policy, one place for the HTML meta tag (webpack.config.js) and the
 * headers of the dev server and the preview server: only the add-in's own files and Office.js from
 * Microsoft's CDN may run, never eval. Fluent UI inserts its styles at run time, hence
 * style-src 'unsafe-inline' (styles only; no script is ever inline).
 */
const OFFICE_JS = "https://appsforoffice.microsoft.com";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_JS}`,
  `frame-src 'self' ${OFFICE_JS}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

module.exports = { CONTENT_SECURITY_POLICY, OFFICE_JS };
