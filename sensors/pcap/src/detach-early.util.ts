/**
 * Detaches (transfers) one small ArrayBuffer, to run first in every thread of the packet sensor.
 *
 * Until an isolate detaches its first ArrayBuffer, V8 compiles typed-array access without detach
 * checks and makes that code depend on it. The sensor transfers its NDJSON blocks between threads,
 * so the first block sent threw away every optimised function that touches a Buffer (34 in a
 * worker: the whole hot path, from the record reader to the JSON writer) and V8 compiled them all
 * again, half of a worker's compile time. Detaching a buffer before anything is hot makes them
 * compile once.
 */
export function detachEarly(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
}
