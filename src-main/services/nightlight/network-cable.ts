// The virtual device's network cable: wraps mqtt.connect so every connection goes through it. Cutting it destroys the
// open connection (no DISCONNECT, like pulling the plug) and makes new attempts fail until it is restored.
import type mqtt from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import { Duplex } from 'node:stream';

type ConnectFunction = typeof mqtt.connect;
type StreamBuilder = (client: MqttClient) => Duplex;

function unreachable(): Error {
  return Object.assign(new Error('The network of the virtual device is cut'), { code: 'ENETUNREACH' });
}

/** A stream that fails at once, as a socket does when there is no network. */
function deadStream(): Duplex {
  const stream = new Duplex({
    read() {},
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
  setImmediate(() => stream.destroy(unreachable()));
  return stream;
}

export class NetworkCable {
  private connected = true;
  private readonly streams = new Set<Duplex>();

  get isUp(): boolean {
    return this.connected;
  }

  /** A connect function whose connections go through this cable; extraOptions are applied to every connection. */
  wrap(connect: ConnectFunction, extraOptions: () => IClientOptions = () => ({})): ConnectFunction {
    const wrapped = (url: string, options: IClientOptions = {}): MqttClient => {
      // manualConnect: the stream builder is swapped before the first connection is made.
      const client = connect(url, { ...options, ...extraOptions(), manualConnect: true });
      const holder = client as unknown as { streamBuilder: StreamBuilder };
      const inner = holder.streamBuilder;
      holder.streamBuilder = (self) => (this.connected ? this.track(inner(self)) : deadStream());
      client.connect();
      return client;
    };
    return wrapped as ConnectFunction;
  }

  cut(): void {
    this.connected = false;
    for (const stream of this.streams) stream.destroy(unreachable());
    this.streams.clear();
  }

  restore(): void {
    this.connected = true;
  }

  private track(stream: Duplex): Duplex {
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    return stream;
  }
}
