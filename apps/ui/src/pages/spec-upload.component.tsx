import { type FormEvent, useId, useState } from 'react';

import { apiPost } from '../api/api-client.util';
import { ApiError } from '../api/api-error.exception';
import { type SpecVersion } from '../api/api.type';
import { Icon } from '../design/icon.component';
import { Panel } from '../design/panel.component';

/** The API's own cap is 10 MiB; a bigger file is refused here before it is read. */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Upload of a reference spec (POST /api/v1/specs, admin keys only): a service and an OpenAPI 2.0,
 * 3.0 or 3.1 document, JSON or YAML, from a file or pasted. A refused spec shows the parser's reason
 * as the API gives it; the form keeps its text so it can be fixed and sent again.
 */
export function SpecUpload({
  services,
  initialService,
  onImported,
}: {
  services: readonly string[];
  initialService?: string;
  onImported: (version: SpecVersion) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [service, setService] = useState(initialService ?? '');
  const [document, setDocument] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(
        `${file.name} is ${Math.round(file.size / 1024 / 1024)} MiB; the API takes specs up to 10 MiB.`,
      );
      return;
    }
    setError(undefined);
    setDocument(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const version = await apiPost<SpecVersion>('/api/v1/specs', { service: service.trim(), document });
      setDocument('');
      setOpen(false);
      onImported(version);
    } catch (e) {
      const refused = e instanceof ApiError ? e : new ApiError(0, String(e));
      // admin-only routes answer other roles as an unknown route does
      setError(
        refused.status === 404
          ? 'This key may not upload specs: only admin keys may.'
          : refused.status === 413
            ? 'The spec is larger than the API accepts (10 MiB).'
            : `The API refused the spec: ${refused.message}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel
      title="Upload a reference spec"
      hint="admin keys only · each upload is the service’s next version"
      actions={
        !open && (
          <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="spec-upload-open">
            <Icon name="upload" /> Upload…
          </button>
        )
      }
    >
      {!open ? (
        <p className="muted" style={{ fontSize: 13 }}>
          A service’s reference spec tells documented endpoints from shadow ones, finds orphans and retired
          (zombie) operations, and is what drift is measured against. OpenAPI 2.0, 3.0 or 3.1, JSON or YAML.
        </p>
      ) : (
        <form
          className="stack"
          style={{ gap: 12 }}
          onSubmit={(e) => void submit(e)}
          aria-label="Upload a reference spec"
        >
          <div className="toolbar" style={{ padding: 0, border: 0 }}>
            <label className="field grow">
              Service
              <input
                className="input"
                list={`${id}-services`}
                value={service}
                required
                maxLength={255}
                placeholder="api.example.com"
                onChange={(e) => setService(e.target.value)}
                data-testid="spec-service"
              />
              <datalist id={`${id}-services`}>
                {services.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </label>
            <label className="field">
              File
              <input
                className="input"
                type="file"
                accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
                onChange={(e) => void readFile(e.target.files?.[0])}
                data-testid="spec-file"
              />
            </label>
          </div>
          <label className="field">
            OpenAPI document (or paste it here)
            <textarea
              className="input textarea"
              rows={8}
              value={document}
              spellCheck={false}
              required
              onChange={(e) => setDocument(e.target.value)}
              data-testid="spec-document"
            />
          </label>
          {error && (
            <div className="notice notice-error" role="alert" data-testid="spec-upload-error">
              {error}
            </div>
          )}
          <div className="row">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy || !service.trim() || !document.trim()}
            >
              <Icon name="upload" /> {busy ? 'Uploading…' : 'Upload spec'}
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setOpen(false);
                setError(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </Panel>
  );
}
