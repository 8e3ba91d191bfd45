import { type LogExchange } from './log-exchange.type';
import { unwrapLogEnvelope } from './log-envelope.util';
import { type LogTextReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { toNginxExchange } from './nginx-exchange.util';
import { compileNginxLogFormat, matchNginxLine, type NginxLogLayout } from './nginx-log-format.parser';
import { NginxRole, nginxRoleOf } from './nginx-variables.util';

interface CompiledLayout {
  layout: NginxLogLayout;
  roles: NginxRole[];
  wanted: boolean[];
  remoteAddr: number;
  values: Array<string | undefined>;
}

function compile(format: string): CompiledLayout {
  const layout = compileNginxLogFormat(format);
  const roles = layout.variables.map(nginxRoleOf);
  return {
    layout,
    roles,
    wanted: roles.map((r) => r !== NginxRole.IGNORE),
    remoteAddr: roles.indexOf(NginxRole.REMOTE_ADDR),
    values: new Array<string | undefined>(roles.length),
  };
}

/**
 * A `$remote_addr` with a space means the layout is misaligned (a virtual host in front of the
 * address): try the next layout. Whether it is an address at all is checked when it is read.
 */
function fits(compiled: CompiledLayout, values: ReadonlyArray<string | undefined>): boolean {
  return compiled.remoteAddr === -1 || !(values[compiled.remoteAddr] ?? '').includes(' ');
}

/**
 * nginx access logs in a `log_format` layout (`--nginx-format`), `combined` by default. Without an
 * explicit format a line that does not fit `combined` is tried as `vhost_combined` (the virtual host
 * in front, which Debian's and Elastic's samples use). Lines shipped inside a Docker or Kubernetes
 * JSON wrapper are unwrapped first.
 */
export class NginxReader implements LogTextReader {
  readonly kind = 'text';
  private readonly layouts: CompiledLayout[];

  /** Throws RangeError when `format` cannot be used (a usage error for the caller to report). */
  constructor(format?: string) {
    this.layouts =
      format === undefined ? [compile('combined'), compile('vhost_combined')] : [compile(format)];
  }

  readLine(raw: string): LogExchange | undefined {
    if (raw === '') return undefined;
    const line = unwrapLogEnvelope(raw);
    for (const compiled of this.layouts) {
      const values = matchNginxLine(compiled.layout, line, compiled.wanted, compiled.values);
      if (values !== undefined && fits(compiled, values))
        return toNginxExchange(compiled.layout, compiled.roles, values);
    }
    throw new LogSkipException(
      LogSkipCode.NOT_THIS_FORMAT,
      this.layouts.length === 1
        ? 'the line does not follow the --nginx-format layout'
        : 'the line is not in the combined format',
    );
  }
}
