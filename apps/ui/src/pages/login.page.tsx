import { type FormEvent, useState } from 'react';

import { apiGet } from '../api/api-client.util';
import { ApiError } from '../api/api-error.exception';
import { type ServicePage } from '../api/api.type';
import { BrandMark, Icon } from '../design/icon.component';
import { lastSessionEnd, signIn } from '../session/session.util';

/** What a refused key means to the reader. */
function refusal(error: ApiError): string {
  if (error.status === 401) return `That key was refused: ${error.message}.`;
  if (error.status === 403 || error.status === 404)
    return 'That key may not read the inventory (an ingest-only key?). Use a viewer or admin key.';
  if (error.status === 429) return `Too many attempts from this address. ${error.message}`;
  return error.message;
}

/**
 * Sign-in with an API key, typed once per tab. The key is checked against the API itself
 * (GET /api/v1/services) before it is kept; it is never put in the URL.
 */
export function LoginPage() {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ended = lastSessionEnd();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) return;
    setBusy(true);
    setError(null);
    try {
      await apiGet<ServicePage>('/api/v1/services?limit=1', undefined, candidate);
      signIn(candidate);
    } catch (e) {
      setError(e instanceof ApiError ? refusal(e) : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <div className="panel login-card">
        <div className="brand">
          <BrandMark />
          apiscope
        </div>
        <div className="stack" style={{ gap: 6 }}>
          <h1 style={{ fontSize: 20 }}>Sign in to the API catalog</h1>
          <p className="muted">
            Every service and endpoint seen in your traffic: who calls it, what it returns, and what is
            exposed.
          </p>
        </div>
        {ended === 'refused' && !error && (
          <div className="notice notice-info" role="status">
            Your session ended: the API refused the key (expired, revoked or replaced).
          </div>
        )}
        <form onSubmit={(e) => void submit(e)}>
          <label className="field" htmlFor="api-key">
            API key
          </label>
          <input
            id="api-key"
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="aps_…"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoFocus
            required
          />
          {error && (
            <div className="notice notice-error" role="alert">
              {error}
            </div>
          )}
          <button className="btn btn-primary btn-lg" type="submit" disabled={busy || !key.trim()}>
            <Icon name="key" />
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
        <p className="faint" style={{ fontSize: 12 }}>
          <code>apiscope up</code> keeps its key in <code>.apiscope/api-key</code>. The key stays in this tab
          only (session storage) and goes to the API in the Authorization header.
        </p>
      </div>
    </div>
  );
}
