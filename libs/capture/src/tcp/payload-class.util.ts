/** What the first bytes of a connection look like, for the "why no HTTP" line. */
export const PayloadClass = { HTTP: 0, TLS: 1, HTTP2: 2, OTHER: 3 } as const;
export type PayloadClass = (typeof PayloadClass)[keyof typeof PayloadClass];

const PREFACE = Buffer.from('PRI * HTTP/2.0', 'latin1');

/** TLS record header (handshake, alert, change cipher spec, data; version 3.x) or the HTTP/2 preface. */
export function classifyPayload(buf: Buffer, offset: number, length: number): PayloadClass {
  if (
    length >= 3 &&
    buf[offset] >= 0x14 &&
    buf[offset] <= 0x17 &&
    buf[offset + 1] === 0x03 &&
    buf[offset + 2] <= 0x04
  )
    return PayloadClass.TLS;
  if (
    length >= PREFACE.length &&
    buf.compare(PREFACE, 0, PREFACE.length, offset, offset + PREFACE.length) === 0
  )
    return PayloadClass.HTTP2;
  return PayloadClass.OTHER;
}
