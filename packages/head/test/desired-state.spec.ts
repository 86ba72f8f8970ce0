import { strict as assert } from 'node:assert';
import { ValidationError, NotFoundError } from '@troupe/common';
import { v1 } from '@troupe/protocol';
import { createBackend, createEndpoint, emptyState, shadowTraffic, stateFromWire, stateToWire } from '../src/desired-state.js';

/** What the head writes, through the protobuf encoding it is stored in. */
function stored(wire: Parameters<typeof v1.DesiredState.encode>[0]): ReturnType<typeof v1.DesiredState.decode> {
  return v1.DesiredState.decode(v1.DesiredState.encode(wire).finish());
}

describe('desired state read back from the store', () => {
  it('rebuilds what the head stored, shadows and version included', () => {
    let state = createBackend(emptyState(), { tag: 'a', importPath: './a.mjs', initArgsJson: '[1]', config: { numReplicas: 2, userConfigJson: '{"x":1}' } });
    state = createBackend(state, { tag: 'b', importPath: './b.mjs#B', initArgsJson: '[]', config: {} });
    state = createEndpoint(state, { name: 'e', route: '/e/{id}', methods: ['get', 'POST'], traffic: { a: 0.5, b: 0.5 } });
    state = shadowTraffic(state, 'e', 'b', 0.25);
    const rebuilt = stateFromWire(stored(stateToWire(state)));
    assert.deepEqual(rebuilt, state);
  });

  const hostile: Array<[string, Parameters<typeof v1.DesiredState.encode>[0], RegExp]> = [
    ['an invalid backend tag', { backends: [{ tag: '../evil', importPath: './a.mjs', initArgsJson: '[]' }] }, /^tag: /],
    ['no import path', { backends: [{ tag: 'a', importPath: '', initArgsJson: '[]' }] }, /^importPath: required/],
    ['initArgs that are not an array', { backends: [{ tag: 'a', importPath: './a.mjs', initArgsJson: '{"a":1}' }] }, /^initArgs: /],
    ['a config the schema refuses', { backends: [{ tag: 'a', importPath: './a.mjs', initArgsJson: '[]', config: { maxBatchSize: 0 } }] }, /config\.maxBatchSize/],
    ['an invalid route', { backends: [{ tag: 'a', importPath: './a.mjs' }], endpoints: [{ name: 'e', route: '/x/{y:nope}', traffic: { a: 1 } }] }, /route/],
    ['weights that do not sum to 1', { backends: [{ tag: 'a', importPath: './a.mjs' }], endpoints: [{ name: 'e', route: '/e', traffic: { a: 7 } }] }, /traffic: weights must sum to 1/],
    ['a shadow proportion above 1', { backends: [{ tag: 'a', importPath: './a.mjs' }], endpoints: [{ name: 'e', route: '/e', traffic: { a: 1 }, shadows: { a: 5 } }] }, /proportion/],
    ['a version beyond 2^53', { version: 2 ** 60, backends: [] }, /^version: /],
  ];
  for (const [what, wire, message] of hostile) {
    it(`refuses ${what} with a ValidationError naming the field`, () => {
      assert.throws(() => stateFromWire(stored(wire)), (error: unknown) => error instanceof ValidationError && message.test(error.message));
    });
  }

  it('refuses traffic to a backend the state does not have', () => {
    const wire = { backends: [], endpoints: [{ name: 'e', route: '/e', traffic: { nowhere: 1 } }] };
    assert.throws(() => stateFromWire(stored(wire)), NotFoundError);
  });
});
