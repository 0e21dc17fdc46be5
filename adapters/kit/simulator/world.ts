// A simulator's world: the platform's objects, held in the platform's own JSON shapes. Every
// world can say what it holds (`state`), be exported as JSON and loaded back (the sandbox keeps
// it across restarts), and tells its listeners when it changed.
import type { JsonValue } from '../../types.js';
import { ChangeSignal } from './change-signal.js';
import type { SandboxItem } from './types.js';

export abstract class SimWorld {
  readonly #changes = new ChangeSignal();

  /** every item, for `GET /__sandbox/state` */
  abstract state(): SandboxItem[];

  /** everything needed to load this world back, as JSON (a platform's `load` reads it) */
  abstract exportData(): JsonValue;

  onChange(listener: () => void): () => void {
    return this.#changes.onChange(listener);
  }

  /** Call after every change, lazy ones (time passing) included. */
  protected changed(): void {
    this.#changes.notify();
  }
}
