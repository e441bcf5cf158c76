/*
 * Routes declare the permission they need (docs/workflow.md §Authorisation); the "workflow" slice's hook
 * in plugins/auth.plugin.ts enforces it. Until the lead merges that hook (and its Permission type, which
 * replaces this declaration), the routes also require a signed-in user themselves.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: string;
  }
}

export {};
