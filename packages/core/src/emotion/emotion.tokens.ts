/** One piece of a message as the reader sees it: a word, a run of `!`/`?`, or an emoji. */
export type Token =
  | { kind: 'word'; raw: string; word: string; caps: boolean; stretched: boolean; number: boolean }
  | { kind: 'marks'; raw: string; bangs: number; questions: number }
  | { kind: 'emoji'; raw: string };

// Built once: the reader runs on every inbound message. Words keep inner apostrophes and hyphens
// ("don't", "buru-buru"); pictographs are single tokens so each emoji counts.
const tokenPattern = /([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)|([!?]+)|\p{Extended_Pictographic}/gu;
const squeezeRuns = /(\p{L})\1{2,}/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match !== null; match = tokenPattern.exec(text)) {
    const raw = match[0];
    if (match[1] !== undefined) {
      tokens.push(wordToken(raw));
    } else if (match[2] !== undefined) {
      let bangs = 0;
      for (let index = 0; index < raw.length; index++) if (raw.charCodeAt(index) === 33) bangs++;
      tokens.push({ kind: 'marks', raw, bangs, questions: raw.length - bangs });
    } else {
      tokens.push({ kind: 'emoji', raw });
    }
  }
  return tokens;
}

function wordToken(raw: string): Token {
  let lower = raw.toLowerCase();
  if (lower.includes('’')) lower = lower.replace('’', "'");
  // "OK" or "3" are not shouting; a word needs two letters and no lower case to count as capitals. A word
  // with a digit in it is a code the customer copied (INV-20931, JP1234567890, B 1234 XYZ), not a raised voice.
  const caps = raw !== lower && raw.length >= 2 && raw === raw.toUpperCase() && !hasDigit(raw);
  const stretched = hasRunOfThree(lower);
  return { kind: 'word', raw, word: stretched ? lower.replace(squeezeRuns, '$1') : lower, caps, stretched, number: isDigits(lower) };
}

/** Three of the same letter in a row ("lamaaa"); a plain loop, as this runs on every word of every message. */
function hasRunOfThree(word: string): boolean {
  for (let index = 2; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code === word.charCodeAt(index - 1) && code === word.charCodeAt(index - 2) && !isDigit(code)) return true;
  }
  return false;
}

function hasDigit(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (isDigit(word.charCodeAt(index))) return true;
  return false;
}

function isDigits(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (!isDigit(word.charCodeAt(index))) return false;
  return word.length > 0;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
