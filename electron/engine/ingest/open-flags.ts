import { constants } from 'node:fs';

/**
 * How Quarry opens a file it reads: read-only, and without waiting, since
 * opening a named pipe or device for reading could otherwise wait forever.
 * Only a regular file is then read. (Windows has no such flag, nor named
 * pipes among files.)
 */
export const OPEN_TO_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
