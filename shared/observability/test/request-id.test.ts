import { MAX_REQUEST_ID_LENGTH, requestIdFor } from '../src/request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it.each(['2f1c6a9e-93d4-4a57-a1a0-6f6f1c2d7e11', 'req_01J9Z3', 'Root=1-67891233-abcdef012345678912345678', 'a'.repeat(MAX_REQUEST_ID_LENGTH)])(
    'keeps the safe id %s',
    (sent) => expect(requestIdFor(sent)).toBe(sent),
  );

  it('trims blanks and takes the first of repeated headers', () => {
    expect(requestIdFor('  abc-1  ')).toBe('abc-1');
    expect(requestIdFor(['first-1', 'second-2'])).toBe('first-1');
  });

  it.each([undefined, null, '', '   ', 'has space', 'new\nline', '<script>', 'a'.repeat(MAX_REQUEST_ID_LENGTH + 1), 'ünïcode'])(
    'replaces %j with a new UUID',
    (sent) => expect(requestIdFor(sent)).toMatch(UUID),
  );
});
