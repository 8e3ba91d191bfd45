/** What the sink answered for one batch. */
export interface BatchOutcome {
  accepted: number;
  rejected: number;
}

/**
 * A sink that confirms each batch (`--resume`): `send` resolves only once the sink holds the batch
 * (written to stdout, stored by the remote apiscope, acknowledged by the Kafka brokers), so the
 * checkpoint never counts an event the sink does not have.
 */
export interface BatchSender {
  /** The sink's identity in the checkpoint (a checkpoint of another sink is refused). */
  readonly name: string;
  send(lines: readonly string[]): Promise<BatchOutcome>;
  close(): Promise<void>;
  /** One line for the summary. */
  describe(accepted: number, rejected: number): string;
  /**
   * For sinks that cannot drop a repeated batch themselves (Kafka): where the sink stands before a
   * batch is sent, kept with the pending batch...
   */
  mark?(): Promise<SinkMark>;
  /** ...and, after a crash, which of the pending batch's events the sink still lacks (all when unknown). */
  missing?(lines: readonly string[], mark: SinkMark): Promise<string[]>;
}

/** A sink's position (Kafka: high watermark per partition). */
export type SinkMark = Record<string, string>;
