/**
 * How much of a search answer the public may page through. One definition for the API's
 * validation, the search engines and the site's pager: a larger window only helps bulk copying
 * of the list, and a person refines the query long before page 50.
 */
export const MAX_PAGE_SIZE = 50;
/** No result beyond the first 1,000 of a query is served (page × pageSize ≤ this). */
export const MAX_RESULT_WINDOW = 1000;
export const DEFAULT_PAGE_SIZE = 20;
