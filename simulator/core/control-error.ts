/** An error of the control API (never of a marketplace API): `{error, message}` with a status. */
export class ControlError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function notFound(what: string): ControlError {
  return new ControlError(404, 'not_found', `${what} not found`);
}

export function conflict(message: string): ControlError {
  return new ControlError(409, 'conflict', message);
}

export function invalid(message: string): ControlError {
  return new ControlError(400, 'invalid', message);
}
