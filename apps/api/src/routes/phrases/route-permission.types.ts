/*
 * Lets routes declare `config: { permission }` (docs/workflow.md §Authorisation) before the policy and
 * its hook exist on this branch. The "workflow" slice declares the same property with core's Permission
 * type in plugins/auth.plugin.ts: at merge this file is deleted in favour of that one.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: string;
  }
}

export {};
