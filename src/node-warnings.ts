/**
 * docker-modem builds an ssh:// request URL that Node's url.parse() flags as invalid
 * (DEP0170) on every run with an ssh host; the request itself works. The warning would land
 * in CLI output and logs as noise, so that one code is dropped; every other warning stays.
 */
const QUIET_CODES = new Set(['DEP0170']);

export function quietKnownNodeWarnings(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const [typeOrOptions, code] = rest;
    const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: string }).code : code;
    if (typeof warningCode === 'string' && QUIET_CODES.has(warningCode)) return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}
