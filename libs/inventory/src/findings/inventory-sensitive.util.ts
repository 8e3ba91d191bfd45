import { type EndpointFlag, type SensitiveFinding } from '../inventory.type';
import { type SensitiveField } from './endpoint-exposure.type';

/** The inventory JSON's `sensitive[]` for an endpoint (DESIGN.md): masked examples only, stable order. */
export function inventorySensitiveOf(fields: readonly SensitiveField[]): SensitiveFinding[] {
  return [...fields]
    .sort(
      (a, b) =>
        a.location.localeCompare(b.location) ||
        a.name.localeCompare(b.name) ||
        a.class.localeCompare(b.class),
    )
    .map((f) => ({ location: f.location, name: f.name, class: f.class, count: f.count, example: f.example }));
}

/** `flags` plus `sensitive` when the endpoint carries any sensitive class, in ENDPOINT_FLAGS order. */
export function withSensitiveFlag(
  flags: readonly EndpointFlag[],
  fields: readonly SensitiveField[],
): EndpointFlag[] {
  if (fields.length === 0 || flags.includes('sensitive')) return [...flags];
  return [...flags, 'sensitive'];
}
