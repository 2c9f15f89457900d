import { idNumberCheckChar } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { fullIdNumbersIn } from './full-id-numbers.ts';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('finding full ID numbers in extracted text', () => {
  it('finds a valid ID number alone, inside other text and inside a longer run of digits', () => {
    const id = valid('46010319800101123');
    expect(fullIdNumbersIn(`身份证号码${id}执行法院`)).toEqual([id]);
    expect(fullIdNumbersIn(`第1页7${id}99`)).toEqual([id]);
  });

  it('ignores masked ID numbers, all-digit credit codes and numbers with a wrong check character', () => {
    const id = valid('46010319800101123');
    const wrong = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const text = `4601031980****1234 统一社会信用代码 914600006538371072 ${wrong}`;
    expect(fullIdNumbersIn(text)).toEqual([]);
  });
});
