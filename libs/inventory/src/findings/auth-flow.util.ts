/** Authentication-critical flows: the endpoints attackers brute-force or abuse first. */
export type AuthFlow = 'login' | 'signup' | 'password-reset' | 'otp-verification' | 'otp-enrolment' | 'token';

const words = (path: string) =>
  path
    .toLowerCase()
    .replace(/\{[^}]*\}/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');

const any = (ws: readonly string[], list: readonly string[]) => ws.some((w) => list.includes(w));

/**
 * Which authentication-critical flow an operation implements, from its method and path template, or
 * null. Only state-changing methods count: `GET /login` serves a form.
 */
export function authFlowOf(method: string, pathTemplate: string): AuthFlow | null {
  if (!['POST', 'PUT', 'PATCH'].includes(method.toUpperCase())) return null;
  const ws = words(pathTemplate);
  const joined = ws.join('');
  const otp = any(ws, ['otp', 'totp', '2fa', 'mfa', 'tfa']) || /twofactor|twostep/.test(joined);
  if (otp && any(ws, ['setup', 'enroll', 'enrol', 'enable', 'activate', 'register', 'provision']))
    return 'otp-enrolment';
  if (otp || /verifyotp|verifycode|(?:otp|code)verif/.test(joined)) return 'otp-verification';
  if (/password|passwd/.test(joined) && any(ws, ['reset', 'forgot', 'recover', 'recovery', 'lost']))
    return 'password-reset';
  if (/forgotpassword|resetpassword|passwordreset/.test(joined)) return 'password-reset';
  if (any(ws, ['signup', 'register', 'registration']) || /signup/.test(joined)) return 'signup';
  if (
    any(ws, ['login', 'signin', 'logon', 'authenticate', 'session', 'sessions']) ||
    /signin|login/.test(joined)
  )
    return 'login';
  if (any(ws, ['token', 'tokens']) || /oauth2?token/.test(joined)) return 'token';
  return null;
}
