// Pacing time that tests move: a sleep advances the clock at once (plus any stall armed), so
// pacing tests are exact and fast whatever the machine's load.
import type { PacerTime } from '../../../adapters/kit/pacer.js';

export class VirtualTime implements PacerTime {
  #now = 0;
  #stalls: number[] = [];
  readonly sleeps: number[] = [];

  now(): number {
    return this.#now;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    // An event-loop stall: the next wake-up comes this much later than asked.
    this.#now += ms + (this.#stalls.shift() ?? 0);
    await Promise.resolve();
  }

  /** The next sleep oversleeps by `ms`. */
  stallNextSleep(ms: number): void {
    this.#stalls.push(ms);
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
