// The world's messages, by id and in send-time order (all, and per state), so that a page, the
// next message due or the count of scheduled ones is found without reading every message.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { MessageState } from './schemas.js';
import type { SimMessage } from './simulator-world-data.js';

export class MessageIndex {
  readonly #byId = new Map<string, SimMessage>();
  readonly #byTime = new SortedIndex<SimMessage>(compareMessages);
  readonly #byState = new Map<string, SortedIndex<SimMessage>>();

  get(id: string): SimMessage | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimMessage> {
    return this.#byId.values();
  }

  /** Messages in send-time order: all of them, or those in one state. */
  inOrder(state?: string): SortedIndex<SimMessage> {
    if (state === undefined) return this.#byTime;
    let index = this.#byState.get(state);
    if (!index) this.#byState.set(state, (index = new SortedIndex(compareMessages)));
    return index;
  }

  add(message: SimMessage): void {
    this.#byId.set(message.id, message);
    this.#byTime.insert(message);
    this.inOrder(message.state).insert(message);
  }

  delete(message: SimMessage): void {
    this.#byId.delete(message.id);
    this.#byTime.remove(message);
    this.inOrder(message.state).remove(message);
  }

  setState(message: SimMessage, state: MessageState): void {
    this.inOrder(message.state).remove(message);
    message.state = state;
    this.inOrder(state).insert(message);
  }
}

/** The order `GET /v1/messages` returns: increasing scheduled send time, then id. */
export function compareMessages(a: SimMessage, b: SimMessage): number {
  return Date.parse(a.scheduledSendTime) - Date.parse(b.scheduledSendTime) || compareIds(a.id, b.id);
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
