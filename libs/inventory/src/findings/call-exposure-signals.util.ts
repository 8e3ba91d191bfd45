/**
 * The per-call exposure signals live in @apiscope/inference, where the endpoint profile counts them on
 * every call; they are re-exported here because findings are stated in their terms.
 */
export { callExposureSignals, hasRateLimitSignal, isExternalAddress } from '@apiscope/inference';
export type { CallExposureSignals } from '@apiscope/inference';
