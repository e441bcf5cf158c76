import { randomBytes } from 'node:crypto';
import { AppError } from '@keluh/core';
import type { DemoSimCredentials } from './demo-channels.ts';

/** What the server keeps of the running stand-in (the package itself is loaded only on demand, below). */
export interface DemoSimHandle {
  /** Settles when the demo stream has played out. */
  done: Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The stand-in's module, as a type only. An `import type` would be erased too, but production code may not
 * name the test tool in an import declaration at all (no-restricted-imports), so the type is taken this way.
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-imports
export type MetaSimModule = typeof import('@keluh/meta-sim');

const META_SIM_PACKAGE = '@keluh/meta-sim';

/** Node's (and tsx's) "no such package" for the stand-in itself, not for something the stand-in imports. */
function isMissingPackage(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' && error instanceof Error && error.message.includes(`'${name}'`);
}

/**
 * Loads the stand-in for DEMO_SIM=1, before the start changes anything: the production image leaves it
 * (a test tool) out, and a start that asks for it there stops with this coded error instead of connecting
 * demo channels it cannot feed. An error inside the stand-in is a bug and surfaces as it is.
 */
export async function loadMetaSim(importer: () => Promise<MetaSimModule> = () => import('@keluh/meta-sim')): Promise<MetaSimModule> {
  try {
    return await importer();
  } catch (error) {
    if (!isMissingPackage(error, META_SIM_PACKAGE)) throw error;
    throw new AppError(
      'demo_sim.unavailable',
      `DEMO_SIM=1 needs the local Meta stand-in (${META_SIM_PACKAGE}), which this installation does not include: the production image leaves test tools out. Start without DEMO_SIM, or run the demo from a full checkout (npm install && DEMO_SIM=1 npm start).`,
    );
  }
}

/**
 * DEMO_SIM=1 (and `npm run sim`): the Meta stand-in plays a stream of WhatsApp and Instagram complaints
 * into the help desk, so a newcomer sees the inbox fill without any Meta account. It signs with the
 * secrets stored for the channels connected to it; a channel connected elsewhere gets no demo traffic.
 */
export async function startDemoSim(
  metaSim: MetaSimModule,
  keluhUrl: string,
  credentials: DemoSimCredentials,
  port: number,
  log: (line: string) => void = console.log,
): Promise<DemoSimHandle> {
  const { DEMO_CONVERSATIONS, startMetaSim } = metaSim;
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
