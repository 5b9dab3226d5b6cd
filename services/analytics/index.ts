// The analytics' public surface, for the API routes and the CLI.
export { parseTables, isInconsistent, valueOf, StatTables, StatItem, StatCheck } from './tables/index.js';
export { splitItems } from './clusters/items.js';
export { StatementCluster, ClusterMember, StatementKind } from './clusters/corpus.js';
export { recurring, RecurringRequest, RecurringResponse, type RecurringRequestInput } from './methods/recurring.js';
export { repeats, RepeatsRequest, RepeatsResponse, type RepeatsRequestInput } from './methods/repeats.js';
export { statTotals, StatTotalsRequest, StatTotalsResponse, type StatTotalsRequestInput } from './methods/stat-totals.js';
