/**
 * Runs the work on each pause one job after another (suspend, escalate, resume, retry,
 * release, keep), so a pause racing its own resume or a button pressed twice never interleave.
 * Jobs on different pauses run in parallel.
 */
export class PauseJobs {
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #running = new Set<Promise<unknown>>();

  constructor(private readonly onError: (pauseId: string, error: unknown) => void) {}

  /** Queues `job` after the pause's earlier jobs; the promise settles with the job. */
  run<T>(pauseId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(pauseId) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.catch((error: unknown) => this.onError(pauseId, error));
    this.#tails.set(pauseId, tail);
    this.#running.add(tail);
    void tail.finally(() => {
      this.#running.delete(tail);
      if (this.#tails.get(pauseId) === tail) this.#tails.delete(pauseId);
    });
    return result;
  }

  /** Resolves when no job is queued or running. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}
