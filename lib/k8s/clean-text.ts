// PostgreSQL's text and jsonb cannot hold U+0000, and one such character fails the whole batch it is
// in. A cluster can send it (a binary log line, a message quoting a crashed process's memory), so it is
// replaced with U+FFFD, as the UTF-8 decoder already does with invalid bytes. Long texts are cut at
// maxChars with a visible marker: a stored fact says it was shortened rather than pretending.

export const CUT_MARKER = " …[truncated by Uptrust]";

export function cleanText(text: string, maxChars = Infinity): string {
  const clean = text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
  return clean.length > maxChars ? clean.slice(0, maxChars) + CUT_MARKER : clean;
}
