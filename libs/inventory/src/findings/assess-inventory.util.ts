import { type InventoryDocument } from '../inventory.type';
import { type ServiceSpecIndex } from '../spec/apply-reference-specs.util';
import { matchSpecOperation } from '../spec/match-spec-operation.util';
import { endpointExposureOf } from './endpoint-exposure-of.util';
import { endpointFindings } from './endpoint-findings.util';
import { type Finding } from './finding.type';
import { compareFindingOrderKeys, findingOrderKey } from './finding-order.util';
import { endpointRisk, serviceRisk } from './risk-score.util';

export interface AssessedInventory {
  /** The inventory with `risk` on every endpoint and service, exposure counters removed. */
  document: InventoryDocument;
  /** Every finding, in list order (severity, service, method, path, rule). */
  findings: Finding[];
}

/**
 * Findings and risk of a resolved inventory (reference specs already applied, so paths are the
 * spec's templates). One pass yields both, so `GET /api/v1/findings` and the `risk` of
 * `GET /api/v1/inventory` never disagree. `specs` tells whether the spec requires credentials on an
 * operation (rule `spec-auth-bypassed`).
 */
export function assessInventory(
  doc: InventoryDocument,
  specs: ServiceSpecIndex = new Map(),
): AssessedInventory {
  const findings: Finding[] = [];
  const services = doc.services.map((service) => {
    const operations = specs.get(service.name)?.latest.operations;
    const assessed = service.endpoints.map((endpoint) => {
      const { exposure, ...shown } = endpoint;
      const operation =
        operations && endpoint.calls > 0
          ? matchSpecOperation(operations, endpoint.method, endpoint.path)
          : undefined;
      const summary = endpointExposureOf(
        service.name,
        { ...shown, ...(exposure && { exposure }) },
        operation?.security,
      );
      const own = endpointFindings(summary);
      findings.push(...own);
      return { endpoint: { ...shown, risk: endpointRisk(own) }, key: summary };
    });
    const risk = serviceRisk(
      assessed.map(({ endpoint, key }) => ({
        endpoint: { service: key.service, method: key.method, pathTemplate: key.pathTemplate },
        risk: endpoint.risk,
      })),
    );
    return { ...service, endpoints: assessed.map((a) => a.endpoint), risk };
  });
  findings.sort((a, b) => compareFindingOrderKeys(findingOrderKey(a), findingOrderKey(b)));
  return { document: { services }, findings };
}
