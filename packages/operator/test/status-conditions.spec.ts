import { strict as assert } from 'node:assert';
import { Reason, mergeConditions, outcome } from '../src/status-conditions.js';

describe('status conditions', () => {
  const t0 = new Date('2025-01-01T00:00:00.000Z');
  const t1 = new Date('2025-01-01T00:05:00.000Z');

  it('keeps lastTransitionTime while the status stays, moves it when the status flips', () => {
    const first = mergeConditions(undefined, outcome('progressing', Reason.ScalingReplicas, '1/2'), 1, t0);
    assert.deepEqual(first.map((c) => [c.type, c.status, c.lastTransitionTime]), [
      ['Ready', 'False', '2025-01-01T00:00:00Z'],
      ['Progressing', 'True', '2025-01-01T00:00:00Z'],
      ['Degraded', 'False', '2025-01-01T00:00:00Z'],
    ]);
    const second = mergeConditions(first, outcome('ready', Reason.Available, '2/2'), 2, t1);
    const byType = Object.fromEntries(second.map((c) => [c.type, c]));
    assert.equal(byType.Ready?.lastTransitionTime, '2025-01-01T00:05:00Z');
    assert.equal(byType.Progressing?.lastTransitionTime, '2025-01-01T00:05:00Z');
    assert.equal(byType.Degraded?.lastTransitionTime, '2025-01-01T00:00:00Z', 'Degraded stayed False');
    assert.equal(byType.Ready?.observedGeneration, 2);
    assert.equal(byType.Ready?.reason, 'Available');
  });

  it('a failure is Ready=False, Progressing=False, Degraded=True with the same reason', () => {
    const failed = outcome('failed', Reason.BackendNotFound, 'backend x not found');
    assert.deepEqual(failed.map((c) => [c.type, c.status, c.reason]), [
      ['Ready', 'False', 'BackendNotFound'],
      ['Progressing', 'False', 'BackendNotFound'],
      ['Degraded', 'True', 'BackendNotFound'],
    ]);
  });
});
