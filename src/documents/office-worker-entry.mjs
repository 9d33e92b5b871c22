// Worker threads start without the parent's TypeScript loader: register tsx here, as bin/dabiao.js does.
import { register } from 'tsx/esm/api';

register();
await import('./office-worker.ts');
