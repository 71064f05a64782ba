/** The one typed MLflow REST client. Import from here above app/api/. */
export * from './types';
export {
  ApiError,
  errorFromWire,
  errorToWire,
  isApiError,
  userMessage,
  setApiBaseUrl,
  type WireApiError,
} from './http';
export { fetchAllPages } from './paging';
export * from './experiments';
export * from './runs';
export * from './metrics';
export * from './artifacts';
export * from './registry';
export * from './traces';
export * from './logged-models';
export * from './assessments';
export * from './server';
export { lineOf, serverLine, type MlflowLine } from './server-line';
