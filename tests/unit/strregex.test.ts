// Unit tests of src/lib/strregex.ts: which Lua patterns run as host regexes, and that those regexes find what
// the matcher finds (the matcher's results on the same subjects, through string.find's general entry).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternRegex } from '../../src/lib/strregex.js';
import { classSet, itemEnd } from '../../src/lib/strpattern.js';

const TOOLS = { itemEnd, classSet };

test('translated patterns', () => {
  const src = (p: string, anchorable = true) => patternRegex(p, anchorable, TOOLS)?.re.source;
  assert.equal(src('(%d+):(%d*)'), '([\\x30-\\x39]+)\\x3a([\\x30-\\x39]*)');
  assert.equal(src('a-b'), '\\x61*?\\x62');
  assert.equal(src('.'), '[^]');
  assert.equal(src('x$'), '\\x78$');
  assert.equal(src('$x'), '\\x24\\x78');
  assert.equal(src('(a)%1'), '(\\x61)(?:\\1)');
  assert.equal(src('%f[%a]'), '(?<![\\x41-\\x5a\\x61-\\x7a])(?=[\\x41-\\x5a\\x61-\\x7a])');
  assert.equal(src('%f[%z]'), '(?<=[^\\x00])(?=\\x00|$)');
  assert.equal(src('^a'), '\\x61');
  assert.equal(patternRegex('^a', true, TOOLS)!.re.sticky, true);
  assert.equal(src('^a', false), '\\x5e\\x61'); // gmatch: '^' is an ordinary char
  assert.equal(src('[]]'), '\\x5d');
  assert.equal(src('(a)*'), '(\\x61)\\x2a'); // a quantifier after a capture is an ordinary char
});

test('patterns left to the matcher', () => {
  for (const p of ['%', '[a', '(a', 'a)', '%1', '(a%1)', '%b()', '%f', '%fa', '()', 'a()b', '(a)%0',
    '('.repeat(33) + ')'.repeat(33), 'a?'.repeat(200), '(a)'.repeat(60)]) {
    assert.equal(patternRegex(p, true, TOOLS), null, p);
  }
  assert.notEqual(patternRegex('a?'.repeat(80), true, TOOLS), null);
});
