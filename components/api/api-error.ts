/** What the API refused or failed with: the server's own sentence (what to fix) when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The answer's JSON, for callers that show more than the sentence (e.g. an import's notes). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}
