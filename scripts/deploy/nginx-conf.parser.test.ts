import { describe, expect, it } from 'vitest';
import { findAll, parseNginxConf } from './nginx-conf.parser.ts';

describe('reading an nginx configuration', () => {
  it('reads directives, blocks, quoted words and comments', () => {
    const conf = parseNginxConf(`
      # a comment; with { braces }
      events { worker_connections 10; }
      http {
        map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
        server { listen 80; location / { add_header X-A "a ; b"; } }
      }
    `);
    expect(conf.map((directive) => directive.name)).toEqual(['events', 'http']);
    const map = findAll(conf, 'map')[0]!;
    expect(map.args).toEqual(['$http_upgrade', '$connection_upgrade']);
    expect(map.block!.map((entry) => [entry.name, ...entry.args])).toEqual([['default', 'upgrade'], ['', '']]);
    expect(findAll(conf, 'add_header')[0]!.args).toEqual(['X-A', 'a ; b']);
    expect(findAll(conf, 'listen')[0]!.line).toBe(6);
  });

  it('refuses what nginx would refuse to read', () => {
    expect(() => parseNginxConf('http { listen 80; ')).toThrow('not closed');
    expect(() => parseNginxConf('listen 80')).toThrow('must end with ;');
    expect(() => parseNginxConf('}')).toThrow('unexpected }');
    expect(() => parseNginxConf('add_header X "open;')).toThrow('unterminated quote');
  });
});
