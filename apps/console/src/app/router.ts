import { createRouter, createWebHistory } from 'vue-router';
import { can, type Permission } from '@keluh/core';
import { useSessionStore } from '../features/auth/session.store.ts';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    /** Staff without it are sent to the inbox (the rail hides the entry too). */
    permission?: Permission;
  }
}

/**
 * `/inbox/:view/:ticketId?` keeps the list mounted while tickets change; status tab and channel live in
 * the query so a reload or a shared link shows the same list. `/tickets/:id` is the short deep link.
 */
export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory('/'),
    routes: [
      { path: '/login', name: 'login', component: () => import('../features/auth/LoginPage.vue'), meta: { public: true } },
      {
        path: '/',
        component: () => import('./AppShell.vue'),
        children: [
          { path: '', redirect: { name: 'inbox', params: { view: 'all' } } },
          {
            path: 'inbox/:view(mine|unassigned|all)/:ticketId(\\d+)?',
            name: 'inbox',
            component: () => import('../features/inbox/InboxPage.vue'),
          },
          { path: 'settings', redirect: { name: 'settings-channels' } },
          {
            path: 'settings/channels',
            name: 'settings-channels',
            component: () => import('../features/settings/ChannelSettingsPage.vue'),
          },
          { path: 'settings/users', name: 'settings-users', component: () => import('../features/admin/UsersPage.vue'), meta: { permission: 'users.manage' } },
          { path: 'settings/teams', name: 'settings-teams', component: () => import('../features/admin/TeamsPage.vue'), meta: { permission: 'teams.manage' } },
          { path: 'settings/audit', name: 'settings-audit', component: () => import('../features/admin/AuditPage.vue'), meta: { permission: 'audit.view' } },
          {
            path: 'settings/sla',
            name: 'settings-sla',
            component: () => import('../features/sla/SlaSettingsPage.vue'),
            meta: { permission: 'sla.configure' },
          },
          {
            path: 'testimonials',
            name: 'testimonials',
            component: () => import('../features/testimonials/TestimonialsPage.vue'),
            meta: { permission: 'testimonials.moderate' },
          },
          {
            path: 'recovery',
            name: 'recovery',
            component: () => import('../features/recovery/RecoveryPage.vue'),
            meta: { permission: 'recovery.manage' },
          },
          {
            path: 'board',
            name: 'board',
            component: () => import('../features/board/BoardPage.vue'),
            meta: { permission: 'board.view' },
          },
          {
            path: 'reports',
            name: 'reports',
            component: () => import('../features/reports/ReportsPage.vue'),
            meta: { permission: 'reports.view' },
          },
          { path: 'customers/:id(\\d+)', name: 'customer-profile', component: () => import('../features/customers/CustomerProfilePage.vue') },
          {
            path: 'settings/customer-attributes',
            name: 'settings-customer-attributes',
            component: () => import('../features/customers/CustomerAttributesPage.vue'),
            meta: { permission: 'customers.configure' },
          },
          {
            path: 'tickets/:ticketId(\\d+)',
            redirect: (to) => ({ name: 'inbox', params: { view: 'all', ticketId: to.params.ticketId } }),
          },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.hydrate();
    if (!to.meta.public && !session.isAuthenticated) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    if (to.name === 'login' && session.isAuthenticated) return safeRedirect(to.query.redirect);
    if (to.meta.permission && !can(session.user, to.meta.permission)) return '/';
    return true;
  });

  return router;
}

/** Only same-app paths: a crafted `?redirect=https://…` must not send an agent elsewhere after login. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
