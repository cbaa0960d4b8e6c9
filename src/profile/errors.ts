/**
 * Errors a person can act on. Every failure of reading a profile ends as a ProfileError
 * whose message says what is wrong with the input, in words ("truncated gzip data",
 * "not a pprof profile: ..."), never a stack trace from deep inside the decoder.
 */
export type ProfileErrorKind =
  | 'not-pprof'
  | 'truncated-gzip'
  | 'corrupt-gzip'
  | 'corrupt-protobuf'
  | 'no-samples'
  | 'too-large'
  | 'cancelled';

export class ProfileError extends Error {
  readonly kind: ProfileErrorKind;

  constructor(kind: ProfileErrorKind, message: string) {
    super(message);
    this.name = 'ProfileError';
    this.kind = kind;
  }
}

/** Turns anything thrown while reading a profile into a ProfileError with a readable message. */
export function asProfileError(error: unknown): ProfileError {
  if (error instanceof ProfileError) return error;
  if (error instanceof RangeError) {
    // Allocation failures surface as RangeError ("Array buffer allocation failed").
    return new ProfileError('too-large', `profile too large for this tab: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProfileError('corrupt-protobuf', `corrupt pprof data: ${message}`);
}
