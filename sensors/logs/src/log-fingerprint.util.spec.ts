import { FINGERPRINT_SPAN_BYTES, fingerprintOf } from './log-fingerprint.util';

const line = (n: number) => `line ${String(n).padStart(3, '0')} ${'x'.repeat(90)}\n`;
const text = (lines: number) => Buffer.from(Array.from({ length: lines }, (_, i) => line(i)).join(''));

describe(fingerprintOf.name, () => {
  it('should wait while a growing file is shorter than the span, and name it by the span once it is not', () => {
    expect(fingerprintOf(text(3), 'growing')).toBeUndefined();
    const full = fingerprintOf(text(30), 'growing');
    expect(full?.span).toBe(FINGERPRINT_SPAN_BYTES);
    // a single line longer than the span: named without waiting for its end
    expect(fingerprintOf(Buffer.alloc(5000, 0x61), 'growing')?.span).toBe(FINGERPRINT_SPAN_BYTES);
    // more content after the span does not change the name
    expect(fingerprintOf(text(60), 'growing')).toEqual(full);
  });

  it('should name a quiet short file by its complete lines and a finished one by all its bytes', () => {
    const partial = Buffer.concat([text(2), Buffer.from('unfinished')]);
    expect(fingerprintOf(partial, 'quiet')?.span).toBe(text(2).length);
    expect(fingerprintOf(partial, 'complete')?.span).toBe(partial.length);
    expect(fingerprintOf(Buffer.from('no line break'), 'quiet')).toBeUndefined();
  });

  it('should tell apart files that differ only after their first line', () => {
    const a = Buffer.from(`{\n${'  "a": 1,\n'.repeat(200)}}\n`);
    const b = Buffer.from(`{\n${'  "a": 2,\n'.repeat(200)}}\n`);
    expect(fingerprintOf(a, 'growing')?.id).not.toBe(fingerprintOf(b, 'growing')?.id);
  });
});
