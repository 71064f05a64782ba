/** Search DSL: filter and order_by parsing and evaluation, page tokens. */
export { SearchError, parseFilter, type RawComparison, type RawValue } from './filter';
export { tokenize, type Token } from './tokens';
export { parseOrderBy, type OrderByClause } from './order-by';
export { encodePageToken, decodePageToken, paginate } from './page-token';
export { like, ilike, likeToRegExp } from './like';
export { compileRunFilter, compileRunOrder } from './runs';
export { compileExperimentFilter, compileExperimentOrder } from './experiments';
export {
  compileModelFilter,
  compileModelOrder,
  compileModelVersionFilter,
  compileModelVersionOrder,
} from './registry';
export { compileTraceFilter, compileTraceOrder } from './traces';
