// An mqtt.connect whose first client says goodbye slowly: its graceful end() calls back only after a delay, as with
// a broker in another process on a busy laptop. Every later client is an ordinary mqtt.js client.
import mqtt from 'mqtt';

export function connectWithSlowFirstGoodbye(delayMs: number): typeof mqtt.connect {
  let made = 0;
  return ((url: string, options: mqtt.IClientOptions) => {
    const client = mqtt.connect(url, options);
    if (made++ === 0) {
      const end = client.end.bind(client);
      client.end = ((force: boolean, opts: object, done: () => void) => end(force, opts, () => setTimeout(done, delayMs))) as typeof client.end;
    }
    return client;
  }) as typeof mqtt.connect;
}
