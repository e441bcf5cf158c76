import { describe, expect, it } from 'vitest';
import { safeRedirect } from './router.ts';

describe('returning after sign-in', () => {
  it('follows only paths inside the console', () => {
    expect(safeRedirect('/inbox/mine/12')).toBe('/inbox/mine/12');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
