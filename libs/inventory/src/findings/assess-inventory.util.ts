import { type InventoryDocument } from '../inventory.type';
import { endpointExposureOf } from './endpoint-exposure-of.util';
import { endpointFindings } from './endpoint-findings.util';
import { type Finding } from './finding.type';
import { compareFindingOrderKeys, findingOrderKey } from './finding-order.util';
import { endpointRisk, type RiskScore, serviceRisk } from './risk-score.util';

/** Shared by every endpoint without findings (most of them): read-only, never mutated. */
const NO_RISK: RiskScore = Object.freeze({
  score: 0,
  level: 'none',
  factors: [],
  capped: false,
});

export interface AssessedInventory {
  /** The inventory with `risk` on every endpoint and service, exposure counters removed. */
  document: InventoryDocument;
  /** Every finding, in list order (severity, service, method, path, rule). */
  findings: Finding[];
}

/**
 * Findings and risk of a resolved inventory (reference specs already applied, so paths are the
 * spec's templates). One pass yields both, so `GET /api/v1/findings` and the `risk` of
 * `GET /api/v1/inventory` never disagree. The `spec` note applyReferenceSpecs puts on a documented
 * endpoint tells whether the spec requires credentials there (rule `spec-auth-bypassed`).
 */
export function assessInventory(doc: InventoryDocument): AssessedInventory {
  const findings: Finding[] = [];
  const services = doc.services.map((service) => {
    const assessed = service.endpoints.map((endpoint) => {
      const summary = endpointExposureOf(service.name, endpoint);
      // never called (an orphan): nothing observed, nothing to find
      const own = endpoint.calls > 0 ? endpointFindings(summary) : [];
      findings.push(...own);
      // the exposure counters go no further: undefined is left out of the JSON (cheaper than
      // removing the key from 10k objects, which also slows their serialisation)
      const risk = own.length === 0 ? NO_RISK : endpointRisk(own);
      return { endpoint: { ...endpoint, exposure: undefined, risk }, key: summary };
    });
    const risk = serviceRisk(
      assessed.map(({ endpoint, key }) => ({
        endpoint: { service: key.service, method: key.method, pathTemplate: key.pathTemplate },
        risk: endpoint.risk,
      })),
    );
    return { ...service, endpoints: assessed.map((a) => a.endpoint), risk };
  });
  // keys computed once per finding, not once per comparison
  const ordered = findings
    .map((f) => ({ f, key: findingOrderKey(f) }))
    .sort((a, b) => compareFindingOrderKeys(a.key, b.key))
    .map(({ f }) => f);
  return { document: { services }, findings: ordered };
}
