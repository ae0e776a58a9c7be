/**
 * Where a comment's evidence words are in its text. The moderation service gives the words that drove each label
 * in folded form (lower case, no accents, leetspeak undone: "connard", "bitch"); the text keeps what the author
 * typed ("CONNARD", "b1tch"), so both are folded the same way before comparing. The rules' evidence may be a stem
 * ("connard" for "connards", "immigre" for "immigrés"): an evidence word of four letters or more also marks the
 * words it begins.
 */
export interface Piece {
  text: string;
  /** True when this word is evidence for a label present on the item. */
  evidence: boolean;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '!': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't' };

/** The moderation service's folding of one word: lower case, accents removed, digits inside a word read as letters. */
export function fold(word: string): string {
  const plain = word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  return /\p{L}/u.test(plain) ? plain.replace(/[0-9!@$]/g, (c) => LEET[c] ?? c) : plain;
}

/** The text cut into words and the rest, each word marked when its folded form is one of the evidence words. */
export function evidencePieces(text: string, evidence: string[]): Piece[] {
  const wanted = new Set(evidence.map((w) => w.toLowerCase()));
  if (wanted.size === 0) {
    return [{ text, evidence: false }];
  }
  const stems = [...wanted].filter((w) => w.length >= 4);
  const pieces: Piece[] = [];
  const word = /[\p{L}\p{N}@$!*]*[\p{L}\p{N}][\p{L}\p{N}@$!*]*/gu;
  let last = 0;
  for (const match of text.matchAll(word)) {
    const at = match.index ?? 0;
    const token = match[0].replace(/[!*]+$/u, '');
    const folded = fold(token);
    if (wanted.has(folded) || stems.some((stem) => folded.startsWith(stem))) {
      if (at > last) pieces.push({ text: text.slice(last, at), evidence: false });
      pieces.push({ text: token, evidence: true });
      last = at + token.length;
    }
  }
  if (last < text.length) pieces.push({ text: text.slice(last), evidence: false });
  return pieces;
}
