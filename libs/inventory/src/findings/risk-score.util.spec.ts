import { type Finding, type Severity } from './finding.type';
import { endpointRisk, riskLevelOf, serviceRisk } from './risk-score.util';

const finding = (id: string, severity: Severity): Finding => ({
  id,
  endpoint: { service: 's', method: 'GET', pathTemplate: '/x' },
  rule: 'credential-exposure',
  severity,
  category: 'API3:2023',
  title: 't',
  detail: 'd',
  evidence: [],
});

describe(endpointRisk.name, () => {
  it.each<[string, Severity[], number, string]>([
    ['no findings', [], 0, 'none'],
    ['only informational findings', ['info', 'info'], 0, 'none'],
    ['one medium', ['medium'], 8, 'medium'],
    ['one high', ['high'], 20, 'high'],
    ['two highs', ['high', 'high'], 40, 'critical'],
    ['one critical', ['critical'], 40, 'critical'],
    ['many criticals (capped)', ['critical', 'critical', 'critical'], 100, 'critical'],
  ])('should score %s', (_name, severities, score, level) => {
    const risk = endpointRisk(severities.map((s, i) => finding(`f${i}`, s)));
    expect([risk.score, risk.level]).toEqual([score, level]);
  });

  it('should explain itself: one factor per contributing finding, largest first, summing to the score', () => {
    const risk = endpointRisk([finding('a', 'medium'), finding('b', 'critical'), finding('c', 'info')]);
    expect(risk.factors.map((f) => [f.source, f.points])).toEqual([
      ['b', 40],
      ['a', 8],
    ]);
    expect(risk.factors.reduce((n, f) => n + f.points, 0)).toBe(risk.score);
    expect(risk.factors[0].reason).toBe('critical credential-exposure (API3:2023): t');
    expect(risk.capped).toBe(false);
  });
});

describe(serviceRisk.name, () => {
  const ep = (path: string) => ({ service: 's', method: 'GET', pathTemplate: path });

  it('should count the riskiest endpoint in full and a tenth of each other', () => {
    const risk = serviceRisk([
      { endpoint: ep('/a'), risk: endpointRisk([finding('x', 'high')]) },
      { endpoint: ep('/b'), risk: endpointRisk([finding('y', 'critical')]) },
      { endpoint: ep('/c'), risk: endpointRisk([]) },
    ]);
    expect(risk.score).toBe(42);
    expect(risk.level).toBe('critical');
    expect(risk.factors.map((f) => [f.source, f.points])).toEqual([
      ['s GET /b', 40],
      ['s GET /a', 2],
    ]);
  });

  it('should be zero for a service without findings', () => {
    expect(serviceRisk([{ endpoint: ep('/a'), risk: endpointRisk([]) }])).toEqual({
      score: 0,
      level: 'none',
      factors: [],
      capped: false,
    });
  });
});

describe(riskLevelOf.name, () => {
  it.each([
    [0, 'none'],
    [3, 'low'],
    [8, 'medium'],
    [20, 'high'],
    [40, 'critical'],
    [100, 'critical'],
  ])('should call %p %p', (score, level) => {
    expect(riskLevelOf(score)).toBe(level);
  });
});
