/*
 * A small synchronous line editor for the REPL when stdin and stdout are both terminals: cursor movement,
 * deletion, kill commands and a history of entered lines, with the usual readline/emacs keys. It is
 * synchronous on purpose: Lua code runs synchronously, so reading a line must too.
 *
 * Invariants that keep the rest of the CLI exact:
 * - the terminal is in raw mode only while a line is being edited; Lua code (io.read...) always runs with the
 *   terminal as it was (cooked mode, kernel echo);
 * - input is read through the host's shared stdin, and bytes read ahead of the end of the line (a paste of
 *   several lines) are given back to it, so the next REPL line or an io.read sees them;
 * - lines are byte strings like every Lua string; editing steps over whole UTF-8 sequences, and the display
 *   assumes one column per character (horizontal scrolling keeps long lines on one terminal row); a prompt's
 *   colour sequences take no room, and a prompt with line breaks has its last line redrawn.
 * Ctrl-C at the prompt ends the process with SIGINT (as lua5.4 does under readline); Ctrl-D on an empty line is
 * end of input; Ctrl-Z suspends.
 */
import * as fs from 'node:fs';
import type * as tty from 'node:tty';
import type { RawFile } from '../host/host.js';
import { flushOutputs } from '../host/node.js';

const MAX_HISTORY = 1000;
const ANSI_SEQUENCE = /\x1b\[[0-9;?]*[ -\/]*[@-~]/g;

/** Key actions on the line being edited. */
type Action = (ed: Edit) => void;

interface Edit {
  chars: string[]; // one UTF-8 sequence (as bytes) per element
  pos: number;
}

export class LineEditor {
  private history: string[] = [];
  private pendingBytes = '';

  constructor(private readonly input: tty.ReadStream, private readonly stdin: RawFile) {}

  /** Shows `prompt` and reads one line (without its end of line), or undefined at end of input. */
  readLine(prompt: string): string | undefined {
    flushOutputs();
    this.input.setRawMode(true);
    try {
      return this.edit(prompt);
    } finally {
      this.input.setRawMode(false);
      this.giveBack();
    }
  }

  private edit(fullPrompt: string): string | undefined {
    // a prompt with line breaks: its complete lines are printed once, the last one is redrawn with the line
    const nl = fullPrompt.lastIndexOf('\n');
    if (nl >= 0) writeOut(fullPrompt.slice(0, nl + 1).replace(/\r?\n/g, '\r\n'));
    const prompt = fullPrompt.slice(nl + 1);
    const ed: Edit = { chars: [], pos: 0 };
    let hIndex = this.history.length;
    let scratch: string[] = [];
    const recall = (to: number): void => {
      if (to < 0 || to > this.history.length || to === hIndex) return;
      if (hIndex === this.history.length) scratch = ed.chars;
      hIndex = to;
      ed.chars = to === this.history.length ? scratch : splitChars(this.history[to]);
      ed.pos = ed.chars.length;
    };
    this.render(prompt, ed);
    for (;;) {
      const c = this.nextByte();
      if (c === undefined) return this.finish(prompt, ed, ed.chars.length > 0);
      if (c === '\r' || c === '\n') return this.finish(prompt, ed, true);
      if (c === '\x03') return this.interrupt();
      if (c === '\x04' && ed.chars.length === 0) return this.finish(prompt, ed, false);
      if (c === '\x1a') this.suspend();
      else if (c === '\x10') recall(hIndex - 1);
      else if (c === '\x0e') recall(hIndex + 1);
      else if (c === '\x1b') {
        const seq = this.escapeSequence();
        if (seq === 'up') recall(hIndex - 1);
        else if (seq === 'down') recall(hIndex + 1);
        else ESCAPES[seq]?.(ed);
      } else if (c === '\x0c') {
        writeOut('\x1b[H\x1b[2J');
      } else if (c < ' ' || c === '\x7f') {
        CONTROLS[c]?.(ed);
      } else {
        ed.chars.splice(ed.pos++, 0, this.utf8Sequence(c));
      }
      this.render(prompt, ed);
    }
  }

  /** Ends the edit: the cursor goes past the line, and the line (undefined at end of input) is returned. */
  private finish(prompt: string, ed: Edit, accepted: boolean): string | undefined {
    ed.pos = ed.chars.length;
    this.render(prompt, ed);
    if (!accepted) return undefined;
    writeOut('\r\n');
    const line = ed.chars.join('');
    if (line !== '' && line !== this.history[this.history.length - 1]) {
      this.history.push(line);
      if (this.history.length > MAX_HISTORY) this.history.shift();
    }
    return line;
  }

  private interrupt(): never {
    writeOut('^C\r\n');
    this.input.setRawMode(false);
    process.kill(process.pid, 'SIGINT');
    process.exit(130); // only reached if something handles SIGINT
  }

  private suspend(): void {
    this.input.setRawMode(false);
    process.kill(process.pid, 'SIGTSTP');
    this.input.setRawMode(true);
  }

  /** Redraws the prompt and the visible part of the line, then places the cursor. */
  private render(prompt: string, ed: Edit): void {
    const cols = terminalColumns();
    const plen = splitChars(prompt.replace(ANSI_SEQUENCE, '')).length; // colour codes take no room
    let start = 0;
    while (plen + ed.pos - start >= cols && start < ed.pos) start++;
    let end = ed.chars.length;
    while (plen + end - start > cols - 1 && end > ed.pos) end--;
    const col = plen + ed.pos - start;
    writeOut('\r' + prompt + ed.chars.slice(start, end).join('') + '\x1b[0K\r' + (col > 0 ? `\x1b[${col}C` : ''));
  }

  // ------------------------------------------------------------------------------------------ input

  private nextByte(): string | undefined {
    if (this.pendingBytes === '') {
      const s = this.stdin.read(4096, 0);
      if (s === '') return undefined;
      this.pendingBytes = s;
    }
    const c = this.pendingBytes[0];
    this.pendingBytes = this.pendingBytes.slice(1);
    return c;
  }

  /** The rest of a UTF-8 sequence whose lead byte is `lead`. */
  private utf8Sequence(lead: string): string {
    const b = lead.charCodeAt(0);
    const extra = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xc0 && b < 0xe0 ? 1 : 0;
    let s = lead;
    for (let i = 0; i < extra; i++) {
      const next = this.pendingBytes[0];
      if (next === undefined || (next.charCodeAt(0) & 0xc0) !== 0x80) break;
      s += this.nextByte();
    }
    return s;
  }

  /** Reads the rest of an escape sequence and names it ('' when unknown). */
  private escapeSequence(): string {
    const c = this.nextByte();
    if (c === '[' || c === 'O') {
      let body = '';
      for (;;) {
        const d = this.nextByte();
        if (d === undefined) return '';
        body += d;
        const code = d.charCodeAt(0);
        if (code >= 0x40 && code <= 0x7e) break;
      }
      return CSI_NAMES[body] ?? '';
    }
    if (c === 'b') return 'wordLeft';
    if (c === 'f') return 'wordRight';
    if (c === '\x7f') return 'killWordLeft';
    return '';
  }

  /** Read-ahead past the accepted line goes back to stdin, with the CRs raw mode left untranslated. */
  private giveBack(): void {
    if (this.pendingBytes === '') return;
    const rest = this.pendingBytes.replace(/\r/g, '\n');
    this.pendingBytes = '';
    this.stdin.unread?.(rest);
  }
}

function writeOut(s: string): void {
  const b = Buffer.from(s, 'latin1');
  let off = 0;
  while (off < b.length) {
    try {
      off += fs.writeSync(1, b, off, b.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    }
  }
}

function terminalColumns(): number {
  const out = process.stdout as tty.WriteStream;
  try {
    const [cols] = out.getWindowSize();
    return cols > 1 ? cols : 80;
  } catch {
    return 80;
  }
}

/** A byte string cut into UTF-8 sequences (stray bytes stand alone). */
function splitChars(s: string): string[] {
  return s.match(/[\xc0-\xf7][\x80-\xbf]*|[^]/g) ?? [];
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && (/[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) >= 0x80);
}

function wordLeft(ed: Edit): number {
  let p = ed.pos;
  while (p > 0 && !isWordChar(ed.chars[p - 1])) p--;
  while (p > 0 && isWordChar(ed.chars[p - 1])) p--;
  return p;
}

function wordRight(ed: Edit): number {
  let p = ed.pos;
  while (p < ed.chars.length && !isWordChar(ed.chars[p])) p++;
  while (p < ed.chars.length && isWordChar(ed.chars[p])) p++;
  return p;
}

const EDITS: Record<string, Action> = {
  left: (ed) => { if (ed.pos > 0) ed.pos--; },
  right: (ed) => { if (ed.pos < ed.chars.length) ed.pos++; },
  home: (ed) => { ed.pos = 0; },
  end: (ed) => { ed.pos = ed.chars.length; },
  wordLeft: (ed) => { ed.pos = wordLeft(ed); },
  wordRight: (ed) => { ed.pos = wordRight(ed); },
  backspace: (ed) => { if (ed.pos > 0) ed.chars.splice(--ed.pos, 1); },
  delete: (ed) => { ed.chars.splice(ed.pos, 1); },
  killEnd: (ed) => { ed.chars.length = ed.pos; },
  killStart: (ed) => { ed.chars.splice(0, ed.pos); ed.pos = 0; },
  killWordLeft: (ed) => {
    const p = wordLeft(ed);
    ed.chars.splice(p, ed.pos - p);
    ed.pos = p;
  },
  transpose: (ed) => {
    if (ed.pos === 0 || ed.chars.length < 2) return;
    if (ed.pos === ed.chars.length) ed.pos--;
    const c = ed.chars[ed.pos - 1];
    ed.chars[ed.pos - 1] = ed.chars[ed.pos];
    ed.chars[ed.pos] = c;
    ed.pos++;
  },
  insertTab: (ed) => { ed.chars.splice(ed.pos++, 0, '\t'); },
};

const CONTROLS: Record<string, Action> = {
  '\x01': EDITS.home, '\x05': EDITS.end, '\x02': EDITS.left, '\x06': EDITS.right,
  '\x7f': EDITS.backspace, '\x08': EDITS.backspace, '\x04': EDITS.delete,
  '\x0b': EDITS.killEnd, '\x15': EDITS.killStart, '\x17': EDITS.killWordLeft, '\x14': EDITS.transpose,
  '\x09': EDITS.insertTab,
};

/** CSI / SS3 sequence bodies (after ESC [ or ESC O) to key names. */
const CSI_NAMES: Record<string, string> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end',
  '1~': 'home', '7~': 'home', '4~': 'end', '8~': 'end', '3~': 'delete',
  '1;5C': 'wordRight', '1;5D': 'wordLeft', '1;3C': 'wordRight', '1;3D': 'wordLeft',
};

const ESCAPES: Record<string, Action> = EDITS;
