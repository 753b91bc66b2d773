// A shared incident is for the person holding the link: search engines must not index it, no cache may
// keep it (a revoked link must stop working everywhere at once), and following a link out of it must not
// hand the token to another site in the Referer header.
export const SHARE_HEADERS: Record<string, string> = {
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  "referrer-policy": "no-referrer",
};
