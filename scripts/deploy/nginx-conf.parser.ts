/*
 * nginx's configuration grammar, enough to read our proxy file as a tree: directives are words ending in `;`
 * or followed by a `{ … }` block; `#` starts a comment; quotes group a word. Whether nginx accepts the file
 * is checked by nginx itself (scripts/nginx-proxy.int.test.ts); this is for asking what the file says.
 */

export interface NginxDirective {
  name: string;
  args: string[];
  block: NginxDirective[] | null;
  line: number;
}

function tokenize(text: string): { value: string; line: number; quoted: boolean }[] {
  const tokens: { value: string; line: number; quoted: boolean }[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n') line += 1;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '#') {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char === '{' || char === '}' || char === ';') {
      tokens.push({ value: char, line, quoted: false });
      index += 1;
    } else if (char === '"' || char === "'") {
      let end = index + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) throw new Error(`nginx.conf:${line}: unterminated quote`);
      tokens.push({ value: text.slice(index + 1, end), line, quoted: true });
      line += (text.slice(index, end).match(/\n/g) ?? []).length;
      index = end + 1;
    } else {
      let end = index;
      while (end < text.length && !/[\s{};#]/.test(text[end]!)) end += 1;
      tokens.push({ value: text.slice(index, end), line, quoted: false });
      index = end;
    }
  }
  return tokens;
}

export function parseNginxConf(text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let position = 0;
  const parseBlock = (nested: boolean): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    while (position < tokens.length) {
      const token = tokens[position]!;
      if (token.value === '}' && !token.quoted) {
        if (!nested) throw new Error(`nginx.conf:${token.line}: unexpected }`);
        position += 1;
        return directives;
      }
      const words: string[] = [];
      while (position < tokens.length && (tokens[position]!.quoted || !['{', '}', ';'].includes(tokens[position]!.value))) {
        words.push(tokens[position]!.value);
        position += 1;
      }
      const end = tokens[position];
      if (!end || end.value === '}' || words.length === 0) throw new Error(`nginx.conf:${token.line}: a directive must end with ; or a block`);
      position += 1;
      directives.push({ name: words[0]!, args: words.slice(1), block: end.value === '{' ? parseBlock(true) : null, line: token.line });
    }
    if (nested) throw new Error('nginx.conf: a block is not closed');
    return directives;
  };
  return parseBlock(false);
}

/** Every directive of this name anywhere below (depth first). */
export function findAll(directives: NginxDirective[], name: string): NginxDirective[] {
  return directives.flatMap((directive) => [...(directive.name === name ? [directive] : []), ...findAll(directive.block ?? [], name)]);
}
