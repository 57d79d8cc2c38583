import { DetailChunks, detailHash, detailText } from './detailBytes';

describe('detailBytes', () => {
  const json = '{"basis":"p99 usage × 1.15"}';

  it('keys a detail the same from its text and from its UTF-8 bytes', () => {
    // printf '%s' "$json" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | cut -c1-11
    expect(detailHash(json)).toBe('Rg_WJ8jSZ1H');
    expect(detailHash(Buffer.from(json, 'utf8'))).toBe('Rg_WJ8jSZ1H');
  });

  it('serialises a detail to the UTF-8 bytes of its JSON', () => {
    const bytes = new DetailChunks().add({ basis: 'p99 usage × 1.15' });
    // 28 characters, one of them (×) two bytes long.
    expect(bytes.byteLength).toBe(29);
    expect(detailText(bytes)).toBe(json);
    expect(detailHash(bytes)).toBe(detailHash(json));
  });

  it('starts a chunk when the next detail might not fit, and never moves a detail already added', () => {
    const chunks = new DetailChunks();
    // Each detail's JSON is 5,000 bytes; a chunk (1 MiB) takes one while 15,000 bytes (3 a
    // character) are left: 207 details (1,048,576 − 206 × 5,000 = 18,576 left before the
    // 207th, 13,576 before the 208th).
    const details = Array.from(
      { length: 400 },
      (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(4994)}`,
    );
    const views = details.map(d => chunks.add(d));
    expect(views.map(detailText)).toEqual(details.map(d => JSON.stringify(d)));
    const perChunk = new Map<ArrayBufferLike, number>();
    for (const view of views)
      perChunk.set(view.buffer, (perChunk.get(view.buffer) ?? 0) + 1);
    expect([...perChunk.values()]).toEqual([207, 193]);
  });
});
