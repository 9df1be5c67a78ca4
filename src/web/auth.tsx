/**
 * The signed-in user: loaded from /api/auth/me when an admin page opens, set by the login page, cleared on logout.
 * `can(permission)` uses the same matcher as the server (src/shared/permissions.ts).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { hasPermission } from '../shared/permissions';
import { api, ApiError, setCsrfToken } from './api';
import type { CurrentUser, LoginResult } from './types';

const MUST_CHANGE_KEY = 'fazhi.mustChangePassword';

interface AuthState {
  /** undefined: not yet known; null: not signed in. */
  user: CurrentUser | null | undefined;
  /** The server asked the user to change the one-time password (kept for this browser tab). */
  mustChangePassword: boolean;
  can: (permission: string | undefined | null) => boolean;
  /** Loads /api/auth/me; resolves with null when not signed in. */
  load: () => Promise<CurrentUser | null>;
  login: (username: string, password: string) => Promise<LoginResult>;
  logout: () => Promise<void>;
  passwordChanged: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [mustChangePassword, setMustChange] = useState(() => sessionStorage.getItem(MUST_CHANGE_KEY) === '1');

  const load = useCallback(async () => {
    try {
      const me = await api.get<CurrentUser>('/api/auth/me', undefined, { noRedirect: true });
      setCsrfToken(me.csrfToken);
      setUser(me);
      return me;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        setUser(null);
        return null;
      }
      throw err;
    }
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.post<LoginResult>('/api/auth/login', { username, password }, { noRedirect: true });
    setCsrfToken(r.user.csrfToken);
    setUser(r.user);
    setMustChange(r.mustChangePassword);
    if (r.mustChangePassword) sessionStorage.setItem(MUST_CHANGE_KEY, '1');
    else sessionStorage.removeItem(MUST_CHANGE_KEY);
    return r;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { noRedirect: true });
    } catch {
      /* already signed out */
    }
    setCsrfToken(null);
    sessionStorage.removeItem(MUST_CHANGE_KEY);
    setMustChange(false);
    setUser(null);
  }, []);

  const passwordChanged = useCallback(() => {
    sessionStorage.removeItem(MUST_CHANGE_KEY);
    setMustChange(false);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      mustChangePassword,
      can: (p) => !p || (!!user && hasPermission(user.permissions, p)),
      load,
      login,
      logout,
      passwordChanged,
    }),
    [user, mustChangePassword, load, login, logout, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

/** Whether the signed-in user holds `permission` (true when none is required). */
export function useCan() {
  return useAuth().can;
}

/** Renders children only when the user holds `permission`. */
export function Can({ permission, children }: { permission: string; children: ReactNode }) {
  return useCan()(permission) ? <>{children}</> : null;
}
