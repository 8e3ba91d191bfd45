export { SEVERITIES, OWASP_API_TOP_10_2023, FINDING_RULES } from './finding.type';
export type { Severity, OwaspApiCategory, FindingRule, FindingEvidence, Finding } from './finding.type';
export type { SensitiveField, EndpointExposure } from './endpoint-exposure.type';
export { authFlowOf } from './auth-flow.util';
export type { AuthFlow } from './auth-flow.util';
export { mergeSensitiveFields, sensitiveFieldsOfCall } from './merge-sensitive-fields.util';
export { callExposureSignals, hasRateLimitSignal, isExternalAddress } from './call-exposure-signals.util';
export type { CallExposureSignals } from './call-exposure-signals.util';
export { endpointFindings, compareFindings } from './endpoint-findings.util';
export {
  endpointRisk,
  serviceRisk,
  riskLevelOf,
  SEVERITY_POINTS,
  SERVICE_BREADTH_SHARE,
} from './risk-score.util';
export type { RiskFactor, RiskLevel, RiskScore } from './risk-score.util';
export { inventorySensitiveOf, withSensitiveFlag } from './inventory-sensitive.util';
export { specAuthFindings } from './spec-auth-findings.util';
export { endpointExposureOf } from './endpoint-exposure-of.util';
export { assessInventory } from './assess-inventory.util';
export type { AssessedInventory } from './assess-inventory.util';
export { findingOrderKey, compareFindingOrderKeys } from './finding-order.util';
export type { FindingOrderKey } from './finding-order.util';
