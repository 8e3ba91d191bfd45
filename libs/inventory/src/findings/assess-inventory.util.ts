import { type InventoryDocument } from '../inventory.type';
import { type ServiceSpecIndex } from '../spec/apply-reference-specs.util';
import { type SpecSecurity } from '../spec/reference-spec.type';
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
    // spec templates already won (applyReferenceSpecs): a documented endpoint has its operation's exact path
    const security = new Map<string, SpecSecurity>(
      (specs.get(service.name)?.latest.operations ?? []).map((op) => [
        `${op.method} ${op.path}`,
        op.security,
      ]),
    );
    const assessed = service.endpoints.map((endpoint) => {
      // the exposure counters are read here and go no further (not part of the JSON)
      const shown = { ...endpoint };
      delete shown.exposure;
      const summary = endpointExposureOf(
        service.name,
        endpoint,
        endpoint.calls > 0 ? security.get(`${endpoint.method} ${endpoint.path}`) : undefined,
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
