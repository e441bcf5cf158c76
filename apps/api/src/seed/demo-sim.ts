import { startMetaSim } from '@keluh/channels/meta-sim';

/**
 * DEMO_SIM=1: the Meta stand-in runs in this process and plays a stream of WhatsApp and Instagram
 * complaints into the help desk, so a newcomer sees the inbox fill without any Meta account.
 */
export async function startDemoSim(keluhUrl: string): Promise<{ stop(): Promise<void> }> {
  const handle = await startMetaSim({ keluhUrl, log: (line) => console.log(line) });
  return handle;
}
