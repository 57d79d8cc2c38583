import { AsciiText } from './AsciiText';

describe('AsciiText', () => {
  it('writes characters and whole numbers, and starts afresh after each take', () => {
    const text = new AsciiText();
    text.digits(45);
    text.char(46); // '.'
    text.digits(0);
    text.char(32); // ' '
    text.digits(1203);
    expect(text.take()).toBe('45.0 1203');
    expect(text.take()).toBe('');
    text.char(112); // 'p'
    expect(text.take()).toBe('p');
    text.digits(7);
    text.clear();
    text.char(102); // 'f'
    expect(text.take()).toBe('f');
  });

  it('grows past its first buffer', () => {
    const text = new AsciiText();
    for (let i = 0; i < 1000; i++) text.digits(i % 10);
    const written = text.take();
    expect(written).toHaveLength(1000);
    expect(written.slice(0, 12)).toBe('012345678901');
    expect(written.slice(-3)).toBe('789');
  });
});
