import { randomBytes } from 'node:crypto';

/** What the server keeps of the running stand-in (the package itself is loaded only on demand, below). */
export interface DemoSimHandle {
  /** Settles when the demo stream has played out. */
  done: Promise<unknown>;
  stop(): Promise<void>;
}
import type { DemoSimCredentials } from './demo-channels.ts';

/**
 * DEMO_SIM=1 (and `npm run sim`): the Meta stand-in plays a stream of WhatsApp and Instagram complaints
 * into the help desk, so a newcomer sees the inbox fill without any Meta account. It signs with the
 * secrets stored for the channels connected to it; a channel connected elsewhere gets no demo traffic.
 */
export async function startDemoSim(keluhUrl: string, credentials: DemoSimCredentials, port: number, log: (line: string) => void = console.log): Promise<DemoSimHandle> {
  // Loaded only here: the production image leaves the stand-in (a test tool) out, and runs without it.
  const { DEMO_CONVERSATIONS, startMetaSim } = await import('@keluh/meta-sim').catch((cause: unknown) => {
    throw new Error('DEMO_SIM=1 needs the local Meta stand-in (@keluh/meta-sim), which this installation does not include', { cause });
  });
  // A channel not connected to the stand-in still needs some value in the sim's knobs; nothing accepts this one.
  const unused = () => randomBytes(32).toString('base64url');
  for (const kind of ['whatsapp', 'instagram'] as const) {
    if (!credentials[kind]) log(`meta-sim: the ${kind} channel is not connected to the stand-in, so it plays no ${kind} complaints`);
  }
  return startMetaSim({
    keluhUrl,
    port,
    whatsappAppSecret: credentials.whatsapp?.appSecret ?? unused(),
    whatsappAccessToken: credentials.whatsapp?.accessToken ?? unused(),
    instagramAppSecret: credentials.instagram?.appSecret ?? unused(),
    instagramAccessToken: credentials.instagram?.accessToken ?? unused(),
    conversations: DEMO_CONVERSATIONS.filter((conversation) => credentials[conversation.channel] !== null),
    log,
  });
}
