/** Who is logged in, shared by every page; a 401 anywhere sends the user back to Entrar. */
import { createContext, useContext } from 'react';
import type { SessionInfo } from './types.ts';

export const SessionContext = createContext<SessionInfo | undefined>(undefined);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in page');
  return session;
}

export function canChange(session: SessionInfo): boolean {
  return session.user.role !== 'viewer';
}
