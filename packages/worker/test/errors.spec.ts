import { strict as assert } from 'node:assert';
import { BatchContractError, fromErrorInfo, ReplicaNotFoundError, ValidationError } from '@troupe/common';
import { BackendSetupError, BatchResultError, failureInfo } from '../src/errors.js';

describe('replica thread failures', () => {
  it('carry the code and name of the @troupe/common errors they stand for', () => {
    const common = [new ValidationError('x'), new BatchContractError('x')];
    const thread = [new BackendSetupError('x'), new BatchResultError('x')];
    assert.deepEqual(
      thread.map((error) => [error.code, error.name]),
      common.map((error) => [error.code, error.name]),
    );
    assert.ok(fromErrorInfo(failureInfo(new BackendSetupError('bad'))) instanceof ValidationError);
    assert.ok(fromErrorInfo(failureInfo(new BatchResultError('bad'))) instanceof BatchContractError);
  });

  it('report whatever user code throws as BACKEND_ERROR with its own name and message', () => {
    // Even a Troupe error from a downstream call: REPLICA_NOT_FOUND would let the router retry a call that ran.
    assert.deepEqual(failureInfo(new ReplicaNotFoundError('downstream')), {
      code: 'BACKEND_ERROR',
      name: 'ReplicaNotFoundError',
      message: 'downstream',
    });
    assert.deepEqual(failureInfo(new RangeError('r')), { code: 'BACKEND_ERROR', name: 'RangeError', message: 'r' });
    assert.deepEqual(failureInfo('a string'), { code: 'BACKEND_ERROR', name: 'Error', message: 'a string' });
  });
});
