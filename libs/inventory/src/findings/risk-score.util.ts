import { type EndpointKey } from '../endpoint-stats.type';
import { type Finding, type Severity } from './finding.type';

export type RiskLevel = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** One contribution to a score: which finding (or endpoint), how many points, and why. */
export interface RiskFactor {
  /** A finding id for an endpoint score; `service METHOD /path` for a service score. */
  source: string;
  points: number;
  reason: string;
}

export interface RiskScore {
  /** 0 to 100. */
  score: number;
  level: RiskLevel;
  /** Largest contribution first; the points add up to the score unless `capped`. */
  factors: RiskFactor[];
  capped: boolean;
}

/** Points per finding: one critical finding alone makes an endpoint critical, two highs do too. */
export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = {
  critical: 40,
  high: 20,
  medium: 8,
  low: 3,
  info: 0,
};

/** Share of every endpoint but the riskiest that a service score adds (breadth of exposure). */
export const SERVICE_BREADTH_SHARE = 0.1;

export function riskLevelOf(score: number): RiskLevel {
  if (score >= 40) return 'critical';
  if (score >= 20) return 'high';
  if (score >= 8) return 'medium';
  return score > 0 ? 'low' : 'none';
}

function scoreOf(factors: RiskFactor[]): RiskScore {
  const sorted = factors
    .filter((f) => f.points > 0)
    .sort((a, b) => b.points - a.points || a.source.localeCompare(b.source));
  const total = sorted.reduce((sum, f) => sum + f.points, 0);
  const score = Math.min(100, Math.round(total * 10) / 10);
  return { score, level: riskLevelOf(score), factors: sorted, capped: total > 100 };
}

/** An endpoint's risk: the sum of its findings' severity points, capped at 100, each one a factor. */
export function endpointRisk(findings: readonly Finding[]): RiskScore {
  return scoreOf(
    findings.map((f) => ({
      source: f.id,
      points: SEVERITY_POINTS[f.severity],
      reason: `${f.severity} ${f.rule} (${f.category}): ${f.title}`,
    })),
  );
}

/**
 * A service's risk: its riskiest endpoint counts in full, and every other endpoint adds a tenth of its
 * score (ten high-risk endpoints are worse than one), capped at 100.
 */
export function serviceRisk(endpoints: ReadonlyArray<{ endpoint: EndpointKey; risk: RiskScore }>): RiskScore {
  const ranked = [...endpoints].sort((a, b) => b.risk.score - a.risk.score);
  return scoreOf(
    ranked.map(({ endpoint, risk }, i) => ({
      source: `${endpoint.service} ${endpoint.method} ${endpoint.pathTemplate}`,
      points: i === 0 ? risk.score : Math.round(risk.score * SERVICE_BREADTH_SHARE * 10) / 10,
      reason:
        i === 0
          ? `riskiest endpoint (${risk.level}, ${risk.score})`
          : `${Math.round(SERVICE_BREADTH_SHARE * 100)}% of another ${risk.level} endpoint (${risk.score})`,
    })),
  );
}
