import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetaSim } from '@keluh/meta-sim';
import { freePort, signIn, startServerProcess, type ServerProcess } from './server-process.ts';

/*
 * Several real API server processes (apps/api/src/server.ts, as `npm start` runs it) on one database, for
 * the multi-process and chaos tests. Each process keeps its loopback port across restarts, the way Meta
 * keeps calling one callback URL whatever happens behind it.
 */

export const CLUSTER_ADMIN_EMAIL = 'admin@keluh.test';
export const CLUSTER_VERIFY_TOKEN = 'cluster-verify-token';

export interface ClusterOptions {
  /** How many API processes (default 1). */
  processes?: number;
  /** `postgres://…` (a fresh database), or omitted: one SQLite file in the cluster's temp folder. */
  databaseUrl?: string;
  /** Passed as REDIS_URL to every process (a server without Redis support ignores it). */
  redisUrl?: string;
  /** The Meta stand-in both channels are connected to (credentials, Graph base URL, outbound allow-list). */
  sim: MetaSim;
  /** More environment for every process, e.g. a short OUTBOX_LEASE. */
  env?: Record<string, string>;
}

export interface ClusterNode {
  readonly index: number;
  /** http://127.0.0.1:<port>, the same across restarts. */
  readonly url: string;
  readonly running: boolean;
  /** kill -9: no shutdown hook runs, in-flight requests and sends are cut where they stand. */
  kill(): Promise<void>;
  /** Starts the process again on the same port and database; resolves once it listens. */
  restart(): Promise<void>;
  /** SIGTERM, a clean shutdown: the exit code (null when it was not running). */
  stop(): Promise<number | null>;
  /** Everything every life of this node printed. */
  output(): string;
}

export interface Cluster {
  readonly nodes: ClusterNode[];
  readonly databaseUrl: string;
  readonly admin: { email: string; password: string };
  /** A staff bearer token for the admin, signed in on this node. */
  signIn(node?: number): Promise<string>;
  /** The nodes running right now. */
  live(): ClusterNode[];
  webhookUrl(node: number, channel: 'whatsapp' | 'instagram'): string;
  /** Stops every process cleanly and removes the temp folder (the caller drops a PostgreSQL database). */
  stop(): Promise<void>;
}

/** The environment that connects a server to meta-sim: what an operator would set for real Meta. */
function channelEnv(sim: MetaSim): Record<string, string> {
  const { whatsapp, instagram } = sim.knobs;
  return {
    WHATSAPP_APP_SECRET: whatsapp.appSecret,
    WHATSAPP_VERIFY_TOKEN: CLUSTER_VERIFY_TOKEN,
    WHATSAPP_ACCESS_TOKEN: whatsapp.accessToken,
    WHATSAPP_PHONE_NUMBER_ID: whatsapp.phoneNumbers[0]!.phoneNumberId,
    INSTAGRAM_APP_SECRET: instagram.appSecret,
    INSTAGRAM_VERIFY_TOKEN: CLUSTER_VERIFY_TOKEN,
    INSTAGRAM_ACCESS_TOKEN: instagram.accessToken,
    INSTAGRAM_ACCOUNT_ID: instagram.accounts[0]!.igId,
    GRAPH_API_BASE_URL: sim.url,
    // meta-sim is plain http on loopback: the outbound guard lets it through only because it is listed.
    OUTBOUND_ALLOW_HOSTS: new URL(sim.url).host,
  };
}

class Node implements ClusterNode {
  private server: ServerProcess | null = null;
  private earlier = '';

  constructor(
    readonly index: number,
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    try {
      this.server = await startServerProcess({ ...this.env, PORT: String(this.port) });
    } catch (error) {
      this.earlier += error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  async kill(): Promise<void> {
    await this.retire()?.kill();
  }

  restart(): Promise<void> {
    return this.start();
  }

  async stop(): Promise<number | null> {
    return (await this.retire()?.stop()) ?? null;
  }

  output(): string {
    return this.earlier + (this.server?.output() ?? '');
  }

  private retire(): ServerProcess | null {
    const server = this.server;
    this.server = null;
    if (server) this.earlier += `${server.output()}\n--- node ${this.index} stopped ---\n`;
    return server;
  }
}

/**
 * Starts `processes` API servers at once (as a compose file would) on one database with the demo seed
 * off, a known admin password, one shared SECRET_KEY (secrets sealed by one process are opened by the
 * others) and both Meta channels pointed at `sim`.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const folder = mkdtempSync(join(tmpdir(), 'keluh-cluster-'));
  const databaseUrl = options.databaseUrl ?? `sqlite://${join(folder, 'keluh.db')}`;
  const admin = { email: CLUSTER_ADMIN_EMAIL, password: `cluster-${randomBytes(9).toString('base64url')}` };
  const env: Record<string, string> = {
    DATA_DIR: folder,
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: join(folder, 'media'),
    SECRET_KEY: randomBytes(32).toString('hex'),
    SEED_DEMO: '0',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...channelEnv(options.sim),
    ...(options.redisUrl && { REDIS_URL: options.redisUrl }),
    ...options.env,
  };
  const nodes: Node[] = [];
  for (let index = 0; index < (options.processes ?? 1); index++) nodes.push(new Node(index, await freePort(), env));
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    rmSync(folder, { recursive: true, force: true });
  };
  const started = await Promise.allSettled(nodes.map((node) => node.start()));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }

  return {
    nodes,
    databaseUrl,
    admin,
    async signIn(node = 0) {
      const token = await signIn(nodes[node]!.url, admin.email, admin.password);
      if (!token) throw new Error(`node ${node} refused the cluster admin's password`);
      return token;
    },
    live: () => nodes.filter((node) => node.running),
    webhookUrl: (node, channel) => `${nodes[node]!.url}/webhooks/${channel}`,
    stop,
  };
}
