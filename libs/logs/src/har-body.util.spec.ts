import { base64Body, sizeOnlyBody, utf8Body } from './har-body.util';

describe(utf8Body.name, () => {
  it('should keep a body that fits whole', () => {
    expect(utf8Body('héllo', 'text/plain', 6)).toEqual({
      contentType: 'text/plain',
      size: 6,
      truncated: false,
      encoding: 'utf8',
      data: 'héllo',
    });
  });

  it.each([
    // "a😀b": a (1 byte), 😀 (4 bytes, two UTF-16 units), b (1 byte)
    [1, 'a'],
    [2, 'a'],
    [4, 'a'],
    [5, 'a😀'],
    [0, undefined],
  ])('should cut at %i bytes before a character, never through it', (max, data) => {
    const body = utf8Body('a😀b', undefined, max);
    expect(body).toEqual({ size: 6, truncated: true, encoding: 'utf8', ...(data !== undefined && { data }) });
  });
});

describe(base64Body.name, () => {
  it('should count decoded bytes and pad unpadded input', () => {
    expect(base64Body('AAEC', undefined, 10)).toEqual({
      size: 3,
      truncated: false,
      encoding: 'base64',
      data: 'AAEC',
    });
    expect(base64Body('AAE', undefined, 10)).toEqual({
      size: 2,
      truncated: false,
      encoding: 'base64',
      data: 'AAE=',
    });
    expect(base64Body('AA\nE=', undefined, 10)).toEqual({
      size: 2,
      truncated: false,
      encoding: 'base64',
      data: 'AAE=',
    });
  });

  it('should keep exactly the first maxBytes decoded bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    const body = base64Body(bytes.toString('base64'), 'application/octet-stream', 7);
    expect(body).toEqual({
      contentType: 'application/octet-stream',
      size: 100,
      truncated: true,
      encoding: 'base64',
      data: bytes.subarray(0, 7).toString('base64'),
    });
  });

  it.each([['not base64!'], ['AAAAA'], ['AA=A']])('should refuse %j', (text) => {
    expect(base64Body(text, undefined, 10)).toBeUndefined();
  });
});

describe(sizeOnlyBody.name, () => {
  it('should count a body with no data as truncated', () => {
    expect(sizeOnlyBody(10, undefined)).toEqual({ size: 10, truncated: true, encoding: 'utf8' });
  });
});
