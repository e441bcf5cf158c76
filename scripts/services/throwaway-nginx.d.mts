export interface ThrowawayNginx {
  /** The temp folder; `{{DIR}}` in the config stands for it. */
  dir: string;
  /** What `nginx -t` said of the configuration. */
  checked: string;
  stop(): Promise<void>;
}

export function startThrowawayNginx(options: { config: string; port: number }): Promise<ThrowawayNginx>;
