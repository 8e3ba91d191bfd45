import { type EndpointKey } from '@apiscope/inventory';

import { decodeCursor, encodeCursor } from '../pagination/cursor.util';
import { RequestValidationException } from '../problem/validation.exception';

/**
 * Opaque, stable endpoint id: base64url of `[service, method, template]`. The same endpoint gets the
 * same id in every list and across restarts, and the id finds its row through the primary key,
 * with no id column to keep in step. Clients must treat it as opaque.
 */
export function endpointIdOf(key: EndpointKey): string {
  return encodeCursor([key.service, key.method, key.pathTemplate]);
}

/** The key of an id this API produced; undefined for anything else. */
export function parseEndpointId(id: string): EndpointKey | undefined {
  const values = decodeCursor(id, ['string', 'string', 'string']);
  if (!values) return undefined;
  const [service, method, pathTemplate] = values.map(String);
  return { service, method, pathTemplate };
}

/**
 * The key of an endpoint id given in a request's `field`, undefined when the field is absent; an
 * id this API did not produce is the client's mistake (400), whatever the endpoint it names.
 */
export function requireEndpointId(id: string | undefined, field: string): EndpointKey | undefined {
  if (id === undefined) return undefined;
  const key = parseEndpointId(id);
  if (key === undefined)
    throw new RequestValidationException([
      { field, problem: `${field} is not an endpoint id this API returned` },
    ]);
  return key;
}
