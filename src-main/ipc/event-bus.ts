// The one place service events become contract events; transports subscribe here to forward them.
import type { EventName, EventPayload } from '../../src-shared/contract/commands';
import { Emitter, type Disposable } from '../lib/emitter';

type AnyEvent = { name: EventName; payload: unknown };

export class EventBus {
  private readonly emitter = new Emitter<{ event: AnyEvent }>();

  publish<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', { name, payload });
  }

  subscribe(listener: (name: EventName, payload: unknown) => void): Disposable {
    return this.emitter.on('event', (event) => listener(event.name, event.payload));
  }

  dispose(): void {
    this.emitter.clear();
  }
}
