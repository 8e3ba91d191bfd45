import { type EndpointKey } from '@apiscope/inventory';

/** Opaque keyset cursor: base64url of `[service, method, template]` of the last item of a page. */
export function encodeEndpointCursor(key: EndpointKey): string {
  return Buffer.from(JSON.stringify([key.service, key.method, key.pathTemplate])).toString('base64url');
}

/** Returns undefined for anything that is not a cursor this API produced. */
export function decodeEndpointCursor(cursor: string): EndpointKey | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string')) {
      const [service, method, pathTemplate] = value as [string, string, string];
      return { service, method, pathTemplate };
    }
  } catch {
    // fall through: not a cursor
  }
  return undefined;
}
