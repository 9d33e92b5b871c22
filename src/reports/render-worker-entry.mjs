// Worker threads start without the parent's TypeScript loader: register tsx here, as bin/dabiao.js does.
import { register } from 'tsx/esm/api';

register();
const { default: renderInWorker } = await import('./render-worker.ts');
export default renderInWorker;
