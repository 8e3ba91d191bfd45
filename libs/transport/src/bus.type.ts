/** A raw event on the bus: decoded JSON, not yet validated (the pipeline validates). */
export interface BusEvent {
  payload: unknown;
  /** Where it came from (`ingest`, `har:demo.har`, `kafka:apiscope.calls.v1/3`): recorded with dead letters. */
  source: string;
}

/** Per event, in input order: `null` when stored, else why it was refused (dead-lettered). */
export type EventVerdict = string | null;

/** The consumer side: stores a batch and answers a verdict per event, or throws when nothing was stored. */
export type BatchHandler = (events: readonly BusEvent[]) => Promise<EventVerdict[]>;

export interface PublishOutcome {
  accepted: number;
  rejected: number;
  /** Refused events by index in the published list. */
  rejections: Array<{ index: number; reason: string }>;
}
