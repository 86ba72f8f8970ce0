import { strict as assert } from 'node:assert';
import { randomAlphanumeric } from '../src/generated-secret.js';

describe('randomAlphanumeric', () => {
  it('draws letters and digits only, of the asked length, each draw its own', () => {
    const draws = Array.from({ length: 200 }, () => randomAlphanumeric(40));
    // A leading letter: nats-server parses a `$VARIABLE` value starting with a digit as a number.
    for (const draw of draws) assert.match(draw, /^[A-Za-z][A-Za-z0-9]{39}$/);
    assert.equal(new Set(draws).size, draws.length);
    // Every symbol turns up over 8,000 draws (a missing one would mean a broken mapping).
    assert.equal(new Set(draws.join('')).size, 62);
  });
});
