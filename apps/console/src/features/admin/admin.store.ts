import { shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { StaffMemberDto, TeamDto } from '@keluh/contracts';
import type { ChannelKind } from '@keluh/core';
import type { InviteBody, TeamBody } from '../../api/admin.endpoints.ts';
import { useApi } from '../../api/use-api.ts';

/** Accounts and teams for the admin's settings pages; each change replaces the row the server answers. */
export const useAdminStore = defineStore('admin', () => {
  const api = useApi();
  const staff = shallowRef<StaffMemberDto[]>([]);
  const teams = shallowRef<TeamDto[]>([]);
  const loaded = shallowRef(false);
  const error = shallowRef<unknown>(null);

  async function hydrate(): Promise<void> {
    try {
      const [users, teamList] = await Promise.all([api.staff(), api.teams()]);
      staff.value = users.items;
      teams.value = teamList.items;
      loaded.value = true;
      error.value = null;
    } catch (failure) {
      error.value = failure;
    }
  }

  const patchUser = (id: number, change: Partial<StaffMemberDto>) => {
    staff.value = staff.value.map((user) => (user.id === id ? { ...user, ...change } : user));
  };
  const putTeam = (team: TeamDto) => {
    teams.value = [...teams.value.filter((t) => t.id !== team.id), team].sort((a, b) => a.name.localeCompare(b.name));
  };

  async function invite(body: InviteBody): Promise<{ user: StaffMemberDto; oneTimePassword: string }> {
    const result = await api.invite(body);
    staff.value = [...staff.value, result.user];
    // Memberships changed on the team side too.
    teams.value = (await api.teams()).items;
    return result;
  }

  async function setRole(id: number, role: string): Promise<void> {
    patchUser(id, { role: (await api.setRole(id, role)).role });
  }

  async function saveUser(id: number, teamIds: number[], capacities: { channel: ChannelKind; maxOpen: number }[]): Promise<void> {
    // Two requests: the one more likely refused (a capacity out of range) goes first, so a refusal leaves
    // both unchanged rather than the teams saved and the capacities not.
    const caps = await api.setCapacities(id, capacities);
    const saved = await api.setUserTeams(id, teamIds);
    patchUser(id, { teamIds: saved.teamIds, capacities: caps.capacities });
    teams.value = (await api.teams()).items;
  }

  async function deactivate(id: number): Promise<void> {
    await api.deactivate(id);
    staff.value = (await api.staff()).items;
  }

  async function saveTeam(id: number | null, body: TeamBody, memberIds: number[]): Promise<TeamDto> {
    const team = id === null ? await api.createTeam({ ...body }) : await api.updateTeam(id, body);
    const withMembers = await api.setTeamMembers(team.id, memberIds);
    putTeam(withMembers);
    staff.value = (await api.staff()).items;
    return withMembers;
  }

  function reset(): void {
    staff.value = [];
    teams.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { staff, teams, loaded, error, hydrate, invite, setRole, saveUser, deactivate, saveTeam, reset };
});
