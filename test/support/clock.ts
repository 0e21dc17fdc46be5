import type { Clock } from '../../adapters/types.js';

/** A clock tests move by hand, shared by the service and the simulators. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: Date | string = '2026-11-21T09:00:00.000Z') {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  set(at: Date | string): void {
    this.#now = new Date(at).getTime();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
