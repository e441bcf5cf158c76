import { randomInt } from 'node:crypto';

/** No 0/O, 1/l/I: the password is read off a terminal and typed into a login form. */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A first password printed once at start: four groups of five, about 117 bits from the CSPRNG. */
export function generatePassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
}
