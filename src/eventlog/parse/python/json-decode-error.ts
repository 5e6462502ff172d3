/** Raised where Python's `json.loads` raises: the text is not JSON by Python's rules. */
export class JsonDecodeError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'JsonDecodeError';
  }
}
