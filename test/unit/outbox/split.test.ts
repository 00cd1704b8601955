import { describe, expect, it } from 'vitest';
import { splitText, utf8Bytes } from '../../../main/outbox/split.js';

describe('splitText', () => {
  it('leaves a text within the limit alone', () => {
    expect(splitText('a\nb', 3)).toEqual(['a\nb']);
  });

  it('splits at line boundaries, dropping the line break between parts', () => {
    expect(splitText('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  it('counts UTF-8 bytes (a CJK character is 3, an emoji 4)', () => {
    expect(utf8Bytes('北京🧨a')).toBe(3 + 3 + 4 + 1);
    expect(splitText('北京\n上海', 7)).toEqual(['北京', '上海']);
  });

  it('cuts a single over-long line between characters, never inside one', () => {
    const parts = splitText('🧨🧨🧨', 9);
    expect(parts).toEqual(['🧨🧨', '🧨']);
    expect(splitText('x\n北京上海\ny', 7)).toEqual(['x', '北京', '上海', 'y']);
  });

  it('drops blank lines at the edges of parts', () => {
    expect(splitText('aaaa\n\n\nbbbb', 5)).toEqual(['aaaa', 'bbbb']);
  });
});
