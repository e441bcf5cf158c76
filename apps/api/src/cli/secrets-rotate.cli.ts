/**
 * `npm run secrets:rotate`: re-seals every stored secret (channel secrets and tokens, API-channel secrets,
 * the visitor-token secret) under a new key, in one transaction. Stop the server first.
 *
 *   key file (SECRET_KEY unset):  npm run secrets:rotate             → new key written to <DATA_DIR>/secret.key
 *   SECRET_KEY set:               NEW_SECRET_KEY=<new> npm run secrets:rotate   (or leave it unset to get one printed)
 */
import { isAppError } from '@keluh/core';
import { loadRotationConfig } from '../config/config.ts';
import { rotateSecretKey } from '../security/key-rotation.ts';
import { SecretKeyError } from '../security/secret-key.ts';

try {
  const config = loadRotationConfig();
  const result = await rotateSecretKey(config, config.NEW_SECRET_KEY);
  const lines = [`Re-sealed ${result.rewritten} secret(s): key ${result.oldKeyId} → key ${result.newKeyId}.`];
  if (result.keyFile) lines.push(`The new key is in ${result.keyFile}. Back it up with the database; the old key opens nothing any more.`);
  else if (result.generatedKey) lines.push(`Start the server with this new key (shown only now):`, '', `  SECRET_KEY=${result.generatedKey}`, '');
  else lines.push('Start the server with SECRET_KEY set to the value you gave as NEW_SECRET_KEY.');
  console.log(lines.join('\n'));
} catch (error) {
  console.error(`Key rotation failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  if (!isAppError(error) && !(error instanceof SecretKeyError) && !(error instanceof Error && error.message.startsWith('Invalid configuration'))) console.error(error);
  process.exit(1);
}
