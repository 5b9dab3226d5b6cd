// What the web app's own downloads say about themselves: the server's rules, shared
// (services/core/export-context.ts imports nothing at run time).
export { DEMO_NOTICE, describeFilters, exportContext, exportFileName } from '../../../services/core/export-context.js';
