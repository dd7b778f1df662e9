/** The console's login: who is logged in, the account, the CSRF token. */
import { Type } from 'typebox';
import { withExample } from './common.ts';

export const LoginBody = withExample(
  Type.Object(
    {
      email: Type.String({ minLength: 1, maxLength: 320 }),
      password: Type.String({ minLength: 1, maxLength: 1024 }),
    },
    { additionalProperties: false },
  ),
  { email: 'loja@example.com', password: 'a long passphrase' },
);

export const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('viewer')]);

export const SessionInfo = withExample(
  Type.Object({
    user: Type.Object({ id: Type.Integer(), email: Type.String(), role: Role }),
    account: Type.Object({ id: Type.Integer(), name: Type.String() }),
    csrf_token: Type.String({ description: 'Send it as X-CSRF-Token with every change' }),
    expires_at: Type.String({ format: 'date-time' }),
  }),
  {
    user: { id: 1, email: 'loja@example.com', role: 'owner' },
    account: { id: 1, name: 'Loja Exemplo' },
    csrf_token: 'q3V0…',
    expires_at: '2026-03-08T13:00:00.000Z',
  },
);
