// The same sentence for every token that opens nothing (unknown, malformed, expired, revoked), on the
// page and from the API, so that no answer tells one from another.
export const SHARE_NOT_FOUND =
  "This link does not open anything. It may have expired or been revoked, or it was copied incompletely: " +
  "ask the person who shared it for a new one.";
