import { jsonPathProblem, readJsonPathFact } from './jsonPathFacts';

describe('JSONPath facts', () => {
  const pod = {
    spec: {
      containers: [{ securityContext: { readOnlyRootFilesystem: true } }, {}],
    },
  };

  it('reads a value, a list by its length, and whether anything matches', () => {
    expect(readJsonPathFact({ path: '$.spec.containers' }, pod)).toBe(2);
    expect(
      readJsonPathFact(
        {
          path: '$.spec.containers[?(@.securityContext && @.securityContext.readOnlyRootFilesystem === true)]',
          exists: true,
        },
        pod,
      ),
    ).toBe(true);
    expect(readJsonPathFact({ path: '$.spec.nodeName' }, pod)).toBeUndefined();
  });

  it('matches nothing in an object a filter fails on, instead of throwing', () => {
    // The second container has no securityContext: the filter throws on it.
    const failing =
      '$.spec.containers[?(@.securityContext.readOnlyRootFilesystem === true)]';
    expect(readJsonPathFact({ path: failing, exists: true }, pod)).toBe(false);
    expect(readJsonPathFact({ path: failing }, pod)).toBeUndefined();
  });

  it('says why a path is not JSONPath', () => {
    expect(jsonPathProblem('$.spec.containers[0]')).toBeUndefined();
    expect(jsonPathProblem("$.metadata.annotations['a.b/c']")).toBeUndefined();
    expect(jsonPathProblem('$.spec[?(')).toBe('an unclosed (');
  });
});
