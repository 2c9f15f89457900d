import type { RouteConfig } from '@hono/zod-openapi';

/**
 * A route of the HTTP contract: method, `{param}` path, request schemas and responses. The API
 * implements it with `app.openapi(route, handler)` (validation and the OpenAPI document come from
 * the same object); clients call it through `createApiClient().call(route, input)`.
 * Type-only import: browsers that bundle the contract never load @hono/zod-openapi.
 */
export type ApiRoute = RouteConfig;
