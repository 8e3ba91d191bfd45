import { type EndpointStats } from './endpoint-stats.type';
import { toInventoryEndpoint } from './endpoint-view.util';
import { type InventoryDocument, type InventoryService } from './inventory.type';

/** Groups merged endpoint stats into the inventory document, services and endpoints in a stable order. */
export function buildInventoryDocument(stats: readonly EndpointStats[]): InventoryDocument {
  const services = new Map<string, InventoryService>();
  const sorted = [...stats].sort(
    (a, b) =>
      a.service.localeCompare(b.service) ||
      a.pathTemplate.localeCompare(b.pathTemplate) ||
      a.method.localeCompare(b.method),
  );
  for (const s of sorted) {
    let service = services.get(s.service);
    if (!service) {
      service = { name: s.service, endpoints: [] };
      services.set(s.service, service);
    }
    service.endpoints.push(toInventoryEndpoint(s));
  }
  return { services: [...services.values()] };
}
