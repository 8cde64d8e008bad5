import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, setCsrfToken, setUnauthorizedHandler } from "../api/client.ts";
import type { Session } from "../api/types.ts";
import { forgetRecentResources } from "../api/useResource.ts";
import { navigate } from "./router.tsx";

export const loginPath = "/inloggen";
/** Residents log in on their own page (one-time code or the municipality's identity provider). */
export const residentLoginPath = "/inwoner/inloggen";
/** Remembered for this browser tab only: the last session in it was a resident's (no personal data). */
const RESIDENT_TAB = "wijkwerk.residentTab";

function rememberRole(role: string | null): void {
  try {
    if (role === "resident") sessionStorage.setItem(RESIDENT_TAB, "1");
    else if (role !== null) sessionStorage.removeItem(RESIDENT_TAB);
  } catch {
    // Storage may be unavailable (privacy settings); the path below is the fallback.
  }
}

/** Where to log in again when the session ended: residents go to their own login, not the staff login. */
export function loginPathAfterExpiry(): string {
  let resident = window.location.pathname.startsWith("/mijn");
  try {
    resident ||= sessionStorage.getItem(RESIDENT_TAB) === "1";
  } catch {
    // see rememberRole
  }
  return resident ? residentLoginPath : loginPath;
}

type SessionState =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "authenticated"; session: Session };

interface SessionContextValue {
  state: SessionState;
  refresh(): Promise<Session | null>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async (): Promise<Session | null> => {
    try {
      // Asks without a 401: the public pages keep a clean console when nobody is signed in.
      const { session } = await api.get<{ session: Session | null }>("/api/auth/session/current", {
        expectUnauthorized: true,
      });
      if (!session) {
        setState({ status: "anonymous" });
        return null;
      }
      setCsrfToken(session.csrfToken);
      rememberRole(session.user.role);
      // Half-way through signing in (second factor still to do) the user may not use the app yet.
      const active = session.stage === undefined || session.stage === "active";
      setState(active ? { status: "authenticated", session } : { status: "anonymous" });
      return session;
    } catch {
      setState({ status: "anonymous" });
      return null;
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post("/api/auth/logout", undefined, { expectUnauthorized: true });
    } finally {
      const next = loginPathAfterExpiry();
      forgetRecentResources();
      setCsrfToken(null);
      setState({ status: "anonymous" });
      navigate(next);
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const next = loginPathAfterExpiry();
      forgetRecentResources();
      setCsrfToken(null);
      setState({ status: "anonymous" });
      navigate(next);
    });
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh, logout }), [state, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside SessionProvider");
  return value;
}

/** The session of a page that is only shown to signed-in users. */
export function useAuthenticatedSession(): Session {
  const { state } = useSession();
  if (state.status !== "authenticated")
    throw new Error("No session: page rendered outside the signed-in routes");
  return state.session;
}

export function hasAnyPermission(session: Session, permissions: readonly string[]): boolean {
  return permissions.some((permission) => session.permissions.includes(permission));
}
