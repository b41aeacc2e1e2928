/** The HTTP adapter and the wire contract's route table (documented in `openapi.yaml`). */
export { HttpAdapter, type HttpAdapterOptions } from './http-adapter.js';
export {
  ROUTES,
  CSRF_PATH,
  CSRF_HEADER,
  CSRF_FAILURE_HEADER,
  type HttpMethod,
  type HttpRoute,
  type OperationName,
  type RouteAccess,
} from './routes.js';
export { lazyHttpAdapter, type LazyHttpAdapter } from './lazy-http-adapter.js';
