/**
 * Errors of the search port. The API maps `SearchQueryError` to 400 and
 * `SearchUnavailableError` to 503 in its envelope.
 */
export class SearchError extends Error {
  override name = 'SearchError';
}

/** The engine cannot be reached or answered with a transport failure. `cause` holds the original. */
export class SearchUnavailableError extends SearchError {
  override name = 'SearchUnavailableError';
  readonly code = 'SEARCH_UNAVAILABLE';
}

/** The query itself is invalid (page out of range, unknown sort, query too long…). */
export class SearchQueryError extends SearchError {
  override name = 'SearchQueryError';
  readonly code = 'INVALID_SEARCH_QUERY';
  readonly field: string;

  constructor(field: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.field = field;
  }
}
