import { Fragment, type ReactNode } from 'react';

import { type AuthStatus, type EndpointFlag, type RiskLevel, type Severity } from '../api/api.type';
import { dataClassLabel } from '../domain/format.util';

export type Tone = 'gray' | 'red' | 'orange' | 'amber' | 'green' | 'blue' | 'purple' | 'solid-red';

export function Badge({
  tone = 'gray',
  dot = false,
  title,
  children,
}: {
  tone?: Tone;
  dot?: boolean;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span className={tone === 'gray' ? 'badge' : `badge badge-${tone}`} title={title}>
      {dot && <span className="dot" aria-hidden="true" />}
      {children}
    </span>
  );
}

const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function MethodBadge({ method }: { method: string }) {
  return <span className={`method method-${KNOWN_METHODS.has(method) ? method : 'other'}`}>{method}</span>;
}

export const FLAG_INFO: Record<EndpointFlag, { tone: Tone; text: string }> = {
  unauthenticated: { tone: 'red', text: 'answered 2xx to calls without credentials' },
  sensitive: { tone: 'orange', text: 'requests or responses carry sensitive data' },
  zombie: { tone: 'amber', text: 'retired (deprecated or superseded) but still called' },
  shadow: { tone: 'purple', text: 'seen in traffic, absent from the reference spec' },
  orphan: { tone: 'gray', text: 'in the reference spec, not seen in traffic' },
};

export function FlagBadge({ flag }: { flag: EndpointFlag }) {
  const info = FLAG_INFO[flag];
  return (
    <Badge tone={info.tone} title={`${flag}: ${info.text}`}>
      {flag}
    </Badge>
  );
}

const AUTH_TONE: Record<AuthStatus, Tone> = {
  authenticated: 'green',
  mixed: 'amber',
  unauthenticated: 'red',
  unknown: 'gray',
};

const AUTH_TITLE: Record<AuthStatus, string> = {
  authenticated: 'every call carried credentials',
  mixed: 'some calls carried credentials, some did not',
  unauthenticated: 'no call carried credentials',
  unknown: 'the source never showed credentials (most access logs)',
};

export function AuthBadge({ status }: { status: AuthStatus }) {
  return (
    <Badge tone={AUTH_TONE[status]} dot title={AUTH_TITLE[status]}>
      {status}
    </Badge>
  );
}

const SEVERITY_TONE: Record<Severity, Tone> = {
  critical: 'solid-red',
  high: 'red',
  medium: 'amber',
  low: 'blue',
  info: 'gray',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{severity}</Badge>;
}

const RISK_TONE: Record<RiskLevel, Tone> = {
  critical: 'solid-red',
  high: 'red',
  medium: 'amber',
  low: 'blue',
  none: 'gray',
};

/** A risk score (0-100) with its level; the title lists the largest factors. */
export function RiskBadge({
  risk,
}: {
  risk: { score: number; level: RiskLevel; factors: Array<{ reason: string }> };
}) {
  const why = risk.factors
    .slice(0, 3)
    .map((f) => f.reason)
    .join('\n');
  return (
    <Badge
      tone={RISK_TONE[risk.level]}
      title={`risk ${risk.score} of 100 (${risk.level})${why ? `\n${why}` : ''}`}
    >
      <span className="num">{Math.round(risk.score)}</span> {risk.level}
    </Badge>
  );
}

export function DataClassBadge({ dataClass }: { dataClass: string }) {
  return (
    <Badge tone="orange" title={`sensitive data class: ${dataClass}`}>
      {dataClassLabel(dataClass)}
    </Badge>
  );
}

/** A path template with its `{parameters}` set apart; long paths wrap after a slash, not mid-word. */
export function PathText({ path }: { path: string }) {
  const parts = path.split(/(\{[^}]*\}|\/)/g).filter(Boolean);
  return (
    <span className="path">
      {parts.map((part, i) =>
        part === '/' ? (
          <Fragment key={i}>
            <wbr />/
          </Fragment>
        ) : part.startsWith('{') ? (
          <span className="param" key={i}>
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </span>
  );
}
