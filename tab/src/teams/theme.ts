import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** The three Teams themes, by the names Teams itself uses in `context.app.theme`. */
export type ThemeName = 'default' | 'dark' | 'contrast';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Maps a host theme string to one we know; anything unknown is the light theme. */
export function toThemeName(value: string | null | undefined): ThemeName {
  if (value === 'dark' || value === 'contrast') return value;
  if (value === 'highContrast' || value === 'high-contrast') return 'contrast';
  return 'default';
}

/** `?theme=dark|contrast|light` wins (for testing in a plain browser); otherwise the host's theme. */
export function resolveThemeName(search: string, hostTheme: string | undefined): ThemeName {
  const forced = new URLSearchParams(search).get('theme');
  if (forced) return forced === 'light' ? 'default' : toThemeName(forced);
  return toThemeName(hostTheme);
}

export function fluentTheme(name: ThemeName): Theme {
  return THEMES[name];
}
