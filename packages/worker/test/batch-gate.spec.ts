import { strict as assert } from 'node:assert';
import { BatchGate } from '../src/batch-gate.js';

describe('batch gate', () => {
  function gate(limit: number): { gate: BatchGate<string>; started: string[] } {
    const started: string[] = [];
    const g = new BatchGate<string>((key, batch) => started.push(`${key}:${batch}`));
    g.setLimit(limit);
    return { gate: g, started };
  }

  it('starts every batch at once without a limit', () => {
    const { gate: g, started } = gate(0);
    for (const batch of ['a', 'b', 'c']) g.admit(1, batch);
    assert.deepEqual(started, ['1:a', '1:b', '1:c']);
  });

  it('holds batches over the limit per key and starts them in order as others finish', () => {
    const { gate: g, started } = gate(1);
    g.admit(1, 'a');
    g.admit(1, 'b');
    g.admit(2, 'x');
    g.admit(1, 'c');
    assert.deepEqual(started, ['1:a', '2:x']);
    assert.equal(g.hasWaiting(1), true);
    assert.equal(g.hasWaiting(2), false);
    g.finished(1);
    assert.deepEqual(started, ['1:a', '2:x', '1:b']);
    g.finished(1);
    g.finished(1);
    assert.deepEqual(started, ['1:a', '2:x', '1:b', '1:c']);
    assert.equal(g.hasWaiting(1), false);
  });

  it('starts what waits once the limit is raised and a batch finishes', () => {
    const { gate: g, started } = gate(1);
    for (const batch of ['a', 'b', 'c']) g.admit(1, batch);
    g.setLimit(0);
    g.finished(1);
    assert.deepEqual(started, ['1:a', '1:b', '1:c']);
  });

  it('copes with batches that finish while they start', () => {
    const started: string[] = [];
    const g: BatchGate<string> = new BatchGate<string>((key, batch) => {
      started.push(batch);
      if (batch !== 'slow') g.finished(key);
    });
    g.setLimit(1);
    g.admit(1, 'slow');
    for (const batch of ['e1', 'e2', 'e3']) g.admit(1, batch);
    g.finished(1);
    assert.deepEqual(started, ['slow', 'e1', 'e2', 'e3']);
    assert.equal(g.hasWaiting(1), false);
    g.admit(1, 'later');
    assert.deepEqual(started.at(-1), 'later', 'nothing is left counted as running');
  });
});
