const PLACEHOLDER = /^(?:<[^>]*>|\{\{?[^}]*\}\}?|\[[^\]]*\]|\$\{[^}]*\}|%[A-Z_]+%)$/;
const NOT_SECRET_WORDS =
  /^(?:true|false|null|none|nil|undefined|bearer|basic|redacted|hidden|filtered|removed|secret|token|password|changeme|example|test|string)$/i;

function distinctChars(value: string, atLeast: number): boolean {
  const seen = new Set<string>();
  for (const ch of value) {
    seen.add(ch);
    if (seen.size >= atLeast) return true;
  }
  return false;
}

/**
 * Could this value, found under a secret-like name, be the secret itself rather than a description
 * of it? Rejects placeholders (`<YOUR_API_KEY>`, `{{SECRET}}`), masks (`********`, `sk_live_****`),
 * enum words, short letter-only words, dates, plain numbers and free text. UUIDs and hex pass: under
 * such a name they are unguessable tokens.
 */
export function looksLikeSecretValue(value: string, minLength = 8): boolean {
  const v = /^(?:bearer|token|basic)\s+\S+$/i.test(value)
    ? value.slice(value.indexOf(' ') + 1).trim()
    : value;
  if (v.length < minLength || v.length > 8192 || /\s/.test(v)) return false;
  if (PLACEHOLDER.test(v) || NOT_SECRET_WORDS.test(v) || /\*{3}|•{3}|\.{3}/.test(v)) return false;
  if (!distinctChars(v, 4)) return false;
  if (/^[A-Za-z]+$/.test(v) && v.length < 16) return false;
  if (/^\d+$/.test(v) && v.length < 12) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(v) || /^https?:\/\//i.test(v)) return false;
  return true;
}
