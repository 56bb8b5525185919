/**
 * Why an LLM call did not give a usable answer. The engine factory turns `reason` into the
 * result's `fallbackReason` when the local engine answers instead.
 */
export type LlmFailureReason = 'timeout' | 'invalid output' | 'provider error' | 'aborted';

export class LlmCallError extends Error {
  constructor(
    readonly reason: LlmFailureReason,
    message: string,
    /** HTTP status from the provider, when it answered with one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmCallError';
  }

  /** "provider error (HTTP 500)", "timeout", … */
  get label(): string {
    return this.status ? `${this.reason} (HTTP ${this.status})` : this.reason;
  }
}
