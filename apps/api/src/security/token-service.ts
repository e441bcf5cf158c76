import { createHash, randomBytes } from 'node:crypto';
import type { TokenService } from '@keluh/core';

export const randomTokenService: TokenService = {
  newToken: () => randomBytes(32).toString('base64url'),
  digest: (token) => createHash('sha256').update(token).digest('hex'),
};
