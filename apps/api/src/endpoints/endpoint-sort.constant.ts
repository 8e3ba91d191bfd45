/** Orders of endpoint lists: by key (service, method, template), or by a measure then the key. */
export const ENDPOINT_SORTS = ['path', 'calls', '-calls', 'lastSeen', '-lastSeen'] as const;
export type EndpointSort = (typeof ENDPOINT_SORTS)[number];
