import { type ResolvedEndpoint } from './resolve-endpoints.util';
import { toInventoryEndpoint } from './endpoint-view.util';
import { type InventoryDocument, type InventoryService } from './inventory.type';

/** Groups resolved endpoints into the inventory document, services and endpoints in a stable order. */
export function buildInventoryDocument(endpoints: readonly ResolvedEndpoint[]): InventoryDocument {
  const services = new Map<string, InventoryService>();
  const sorted = [...endpoints].sort(
    (a, b) =>
      a.stats.service.localeCompare(b.stats.service) ||
      a.stats.pathTemplate.localeCompare(b.stats.pathTemplate) ||
      a.stats.method.localeCompare(b.stats.method),
  );
  for (const { stats, profile } of sorted) {
    let service = services.get(stats.service);
    if (!service) {
      service = { name: stats.service, endpoints: [] };
      services.set(stats.service, service);
    }
    service.endpoints.push(toInventoryEndpoint(stats, profile));
  }
  return { services: [...services.values()] };
}
