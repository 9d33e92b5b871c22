// Worker threads start without the parent's TypeScript loader: register tsx here, as bin/dabiao.js does.
import os from 'node:os';
import { register } from 'tsx/esm/api';

// Drawing yields the CPU to the thread that answers requests: on Linux the nice value is per
// thread, so this lowers only this worker. A report under load takes longer; every other
// request (health checks, figures being typed in) is answered as if nothing were drawn.
// piscina's own niceIncrement needs an extra native module and silently does nothing without it.
try {
  os.setPriority(19);
} catch {
  // Not permitted on some systems: drawing then competes on equal terms.
}

register();
const { default: renderInWorker } = await import('./render-worker.ts');
export default renderInWorker;
