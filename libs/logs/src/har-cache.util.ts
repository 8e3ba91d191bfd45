import { type HarEntry } from './har.type';

/**
 * Why an entry is a browser cache hit, or undefined. Such entries sent nothing to the server, and
 * Safari lists them with no request headers at all, which the pipeline would read as calls without
 * credentials. Only explicit markers count: Firefox marks nothing, so its cache hits stay in.
 */
export function browserCacheReason(entry: HarEntry): string | undefined {
  if (entry._fetchType === 'Memory Cache' || entry._fetchType === 'Disk Cache') {
    return `answered from the browser cache (_fetchType "${entry._fetchType}"), nothing was sent`;
  }
  if (entry._fromCache === 'memory' || entry._fromCache === 'disk') {
    return `answered from the browser cache (_fromCache "${entry._fromCache}"), nothing was sent`;
  }
  return undefined;
}
