import { describeError, isSourceFailure } from './describeError';

describe('describeError', () => {
  it('reads the plain objects the Prometheus client rejects with, and Errors', () => {
    const timeout = {
      status: 'error',
      errorType: 'timeout_error',
      error: 'timeout of 300ms exceeded',
      code: 'ECONNABORTED',
    };
    expect(describeError(timeout)).toBe(
      'timeout_error: timeout of 300ms exceeded',
    );
    expect(describeError({ message: 'socket hang up' })).toBe('socket hang up');
    expect(describeError({ status: 'error' })).toBe('{"status":"error"}');
    expect(describeError(new Error('ECONNREFUSED 127.0.0.1:9090'))).toBe(
      'ECONNREFUSED 127.0.0.1:9090',
    );
    expect(describeError('plain')).toBe('plain');
    // An error answer: Prometheus' own type, not the client's.
    const refused = {
      status: 'error',
      errorType: 'http_error',
      httpStatus: 400,
      error: 'invalid parameter "query": parse error',
      prometheus: {
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": parse error',
      },
    };
    expect(describeError(refused)).toBe(
      'bad_data: invalid parameter "query": parse error',
    );
    expect(isSourceFailure(refused)).toBe(false);
    expect(
      isSourceFailure({
        errorType: 'http_error',
        prometheus: { errorType: 'execution' },
      }),
    ).toBe(false);
    expect(
      isSourceFailure({
        errorType: 'http_error',
        prometheus: { errorType: 'unavailable' },
      }),
    ).toBe(true);
  });

  it("trips the breaker for the source's failures, not for one query Prometheus refuses", () => {
    expect(isSourceFailure({ errorType: 'timeout_error' })).toBe(true);
    expect(isSourceFailure({ errorType: 'unavailable' })).toBe(true);
    expect(isSourceFailure(new Error('ECONNREFUSED'))).toBe(true);
    expect(
      isSourceFailure({
        errorType: 'bad_data',
        error: 'parse error at char 7',
      }),
    ).toBe(false);
  });
});
