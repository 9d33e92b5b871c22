import { describe, expect, it } from 'vitest';
import { createRenderGate, RenderBusy } from '../src/http/render-gate';

/** A drawing that finishes when the test says so. */
function held() {
  let finish!: (b: Buffer) => void;
  const done = new Promise<Buffer>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('the report drawing gate', () => {
  it('gives identical requests made during one drawing that one drawing', async () => {
    const gate = createRenderGate({ concurrency: 1, queue: 0 });
    let drawn = 0;
    const d = held();
    const work = () => {
      drawn++;
      return d.work();
    };
    const all = Promise.all([gate.draw('a', work), gate.draw('a', work), gate.draw('a', work)]);
    d.finish(Buffer.from('pdf'));
    expect((await all).map(String)).toEqual(['pdf', 'pdf', 'pdf']);
    expect(drawn).toBe(1);
  });

  it('queues past the running drawings and refuses past the queue with RenderBusy (503)', async () => {
    const gate = createRenderGate({ concurrency: 1, queue: 1 });
    const first = held();
    const second = held();
    const running = gate.draw('one', first.work);
    const queued = gate.draw('two', second.work);
    await expect(gate.draw('three', () => Promise.resolve(Buffer.from('x')))).rejects.toBeInstanceOf(
      RenderBusy,
    );
    first.finish(Buffer.from('1'));
    second.finish(Buffer.from('2'));
    expect(String(await running)).toBe('1');
    expect(String(await queued)).toBe('2');
    // Slots free again once the drawings are done.
    expect(String(await gate.draw('four', () => Promise.resolve(Buffer.from('4'))))).toBe('4');
  });
});
