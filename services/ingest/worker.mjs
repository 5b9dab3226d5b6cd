// Worker bootstrap: TypeScript through tsx (a worker does not inherit the parent's loader).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
