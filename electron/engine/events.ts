import type { EventName, QuarryEvents, Unsubscribe } from '../api';

type Listener<E extends EventName> = (payload: QuarryEvents[E]) => void;

/** Typed events of the contract, delivered to every subscriber in turn. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  /** Subscribes to an event; the function returned unsubscribes. */
  on<E extends EventName>(event: E, listener: Listener<E>): Unsubscribe {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => {
      set.delete(listener as Listener<EventName>);
    };
  }

  /** Delivers an event to every subscriber; a subscriber that throws is logged and skipped. */
  emit<E extends EventName>(event: E, payload: QuarryEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      // One failing subscriber must not stop the others or the engine.
      try {
        listener(payload);
      } catch (error) {
        console.error(`quarry: a "${event}" listener failed`, error);
      }
    }
  }
}
