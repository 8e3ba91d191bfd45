/**
 * nginx `log_format` strings (https://nginx.org/en/docs/http/ngx_http_log_module.html#log_format)
 * compiled into a layout: literals and variables alternating, `literals.length === variables.length + 1`.
 *
 *   '$remote_addr - $remote_user [$time_local] "$request" $status ...'
 *   -> literals ['', ' - ', ' [', '] "', '" ', ...], variables ['remote_addr', 'remote_user', ...]
 *
 * A variable's value runs up to the first occurrence of the literal after it. That is exact for the
 * quoted fields, since nginx escapes `"` inside variables, and it lets a line carry fields appended
 * after the layout (a common edit of `combined`) without failing.
 */
export type NginxEscape = 'default' | 'json' | 'none';

export interface NginxLogLayout {
  literals: string[];
  variables: string[];
  escape: NginxEscape;
}

/** Layouts named in nginx's and ingress-nginx's documentation, accepted by name in `--nginx-format`. */
export const NGINX_PRESETS: Readonly<Record<string, string>> = {
  // ngx_http_log_module: the predefined format
  combined:
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  // combined with the virtual host in front (Debian's and Elastic's vhost layout)
  vhost_combined:
    '$host $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  // nginx.conf of the official Docker image
  main: '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"',
  // ingress-nginx `log-format-upstream` default
  upstreaminfo:
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id',
};

/**
 * Accepts what users paste: a bare format, or the directive as in nginx.conf
 * (`log_format main escape=json '...' '...';`), whose quoted pieces nginx concatenates. Text is read
 * as config quoting only when it is made of quoted pieces and nothing else: `"$request" $status` is
 * a bare format that happens to start with a quote.
 */
function unwrapDirective(text: string): { format: string; escape: NginxEscape } {
  let rest = text.trim();
  let escape: NginxEscape = 'default';
  const directive = /^log_format\s+\S+\s*/.exec(rest);
  if (directive) rest = rest.slice(directive[0].length).replace(/;$/, '');
  const escapeParam = directive ? /^escape=(default|json|none)\s*/.exec(rest) : null;
  if (escapeParam) {
    escape = escapeParam[1] as NginxEscape;
    rest = rest.slice(escapeParam[0].length);
  }
  const piece = /\s*(['"])((?:\\.|(?!\1)[^\\])*)\1\s*/y;
  let format = '';
  let m: RegExpExecArray | null;
  while ((m = piece.exec(rest)) !== null) {
    format += m[2].replace(/\\(.)/g, '$1');
    if (piece.lastIndex === rest.length) return { format, escape };
  }
  return { format: rest, escape };
}

/**
 * Variables whose value starts with `/`, so they may follow another variable with nothing between:
 * `$scheme://$host$request_uri` is a common way to log the full URL.
 */
const PATH_VARIABLES: ReadonlySet<string> = new Set(['request_uri', 'uri', 'document_uri']);

/** Where `literal` next occurs from `from`; with JSON escaping a `"` preceded by `\` is content. */
function literalAt(line: string, literal: string, from: number, json: boolean): number {
  let at = line.indexOf(literal, from);
  if (!json || literal.charCodeAt(0) !== 0x22) return at;
  while (at > 0) {
    let slashes = 0;
    while (line.charCodeAt(at - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return at;
    at = line.indexOf(literal, at + 1);
  }
  return at;
}

/** Compiles a format or preset name; throws RangeError with a one-line reason when unusable. */
export function compileNginxLogFormat(text: string): NginxLogLayout {
  const preset = NGINX_PRESETS[text.trim()];
  const { format, escape } = unwrapDirective(preset ?? text);
  const literals: string[] = [];
  const variables: string[] = [];
  const variable = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = variable.exec(format)) !== null) {
    const literal = format.slice(last, m.index);
    const name = (m[1] ?? m[2]).toLowerCase();
    if (variables.length > 0 && literal === '' && !PATH_VARIABLES.has(name)) {
      throw new RangeError(
        `nginx format: $${variables[variables.length - 1]} and $${m[1] ?? m[2]} have nothing between them, so their values cannot be told apart`,
      );
    }
    literals.push(literal);
    variables.push(name);
    last = m.index + m[0].length;
  }
  literals.push(format.slice(last));
  if (variables.length === 0) throw new RangeError(`nginx format: "${text.slice(0, 60)}" names no $variable`);
  if (!variables.includes('request') && !variables.includes('request_method')) {
    throw new RangeError(
      'nginx format: it logs neither $request nor $request_method, so no request can be read',
    );
  }
  return { literals, variables, escape };
}

/**
 * The values of a line, one per variable (undefined for those `wanted` leaves out, which are never
 * sliced), or undefined when the line does not follow the layout.
 */
export function matchNginxLine(
  layout: NginxLogLayout,
  line: string,
  wanted: readonly boolean[],
  // reused line after line by a reader: the values are read before the next line comes
  values: Array<string | undefined> = new Array<string | undefined>(layout.variables.length),
): Array<string | undefined> | undefined {
  const { literals, variables } = layout;
  if (!line.startsWith(literals[0])) return undefined;
  const json = layout.escape === 'json';
  const last = variables.length - 1;
  let pos = literals[0].length;
  for (let i = 0; i <= last; i++) {
    const literal = literals[i + 1];
    // an empty literal ends the line, or comes before a path variable (see PATH_VARIABLES)
    const end =
      literal !== ''
        ? literalAt(line, literal, pos, json)
        : i === last
          ? line.length
          : line.indexOf('/', pos);
    if (end === -1) return undefined;
    if (wanted[i]) values[i] = line.slice(pos, end);
    pos = end + literal.length;
  }
  return values;
}
