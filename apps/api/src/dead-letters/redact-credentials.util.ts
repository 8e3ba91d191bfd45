/**
 * Header names whose values are credentials. A dead letter keeps a raw excerpt of the refused
 * event (the pipeline's choice, for diagnosis), and such an event may carry the monitored
 * traffic's tokens and cookies: the API never hands those out, not even to admins.
 */
const CREDENTIAL_HEADERS =
  'authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-access-token|x-csrf-token';

/** `["authorization","Bearer abc"]` in the ApiCall header form (and `"authorization":"..."`) -> value masked. */
const PAIR = new RegExp(`("(?:${CREDENTIAL_HEADERS})"\\s*[,:]\\s*")((?:[^"\\\\]|\\\\.)*)(")?`, 'gi');
/** Bearer/Basic tokens anywhere else in the text. */
const SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

export function redactCredentials(text: string): string {
  return text
    .replace(
      PAIR,
      (_m, head: string, _value: string, close: string | undefined) => `${head}***${close ?? ''}`,
    )
    .replace(SCHEME, (_m, scheme: string) => `${scheme} ***`);
}
