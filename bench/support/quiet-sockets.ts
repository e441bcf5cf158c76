import WebSocket from 'ws';
import { SOCKET_PATH } from '@keluh/contracts';

/**
 * Connected sockets that only listen: the engine.io/socket.io handshake spoken by hand over `ws`, frames
 * received and dropped unparsed. A thousand real socket.io clients in the bench process would spend the
 * shared cores decoding a thousand copies of every event, and the figure would measure the bench instead of
 * the server's fan-out. A few real clients (see fanout.section.ts) do the timing.
 */
export async function openQuietSockets(baseUrl: string, count: number, namespace: string, auth: (index: number) => Record<string, string>): Promise<{ close(): void; received(): number }> {
  const sockets: WebSocket[] = [];
  let frames = 0;
  const url = `${baseUrl.replace(/^http/, 'ws')}${SOCKET_PATH}/?EIO=4&transport=websocket`;
  const open = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(url);
      sockets.push(socket);
      const timer = setTimeout(() => reject(new Error(`socket ${index} did not connect to ${namespace}`)), 20_000);
      socket.on('error', reject);
      socket.on('message', (data) => {
        const frame = data.toString();
        if (frame.startsWith('0')) socket.send(`40${namespace},${JSON.stringify(auth(index))}`);
        else if (frame === '2') socket.send('3');
        else if (frame.startsWith(`40${namespace}`)) {
          clearTimeout(timer);
          resolve();
        } else if (frame.startsWith(`44${namespace}`)) reject(new Error(`socket ${index} refused: ${frame}`));
        else frames += 1;
      });
    });
  // In small waves: a thousand simultaneous handshakes would themselves be the benchmark.
  for (let start = 0; start < count; start += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, n) => open(start + n)));
  }
  return {
    close: () => sockets.forEach((socket) => socket.terminate()),
    received: () => frames,
  };
}
