import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.ts';
import { teamsInView } from './team-view.rules.ts';

describe('which teams a board or report shows', () => {
  it('an admin sees every team, or the one asked for', () => {
    expect(teamsInView({ role: 'admin', teamIds: [1] })).toBeNull();
    expect(teamsInView({ role: 'admin', teamIds: [1] }, 7)).toEqual([7]);
  });

  it("a supervisor sees their own teams, or one of them when asked", () => {
    expect(teamsInView({ role: 'supervisor', teamIds: [1, 2] })).toEqual([1, 2]);
    expect(teamsInView({ role: 'supervisor', teamIds: [1, 2] }, 2)).toEqual([2]);
  });

  it("asking for another team's figures is answered as if the team did not exist", () => {
    let caught: unknown;
    try {
      teamsInView({ role: 'supervisor', teamIds: [1] }, 2);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('team.not_found');
  });
});
