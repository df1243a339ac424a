import { describe, expect, it } from 'vitest';
import { dayOfDateLine } from '../../server/domain/page-date.ts';

const iso = (line: string) => dayOfDateLine(line)?.toISOString().slice(0, 10);

describe('the day a page\'s date line names', () => {
  it.each([
    ['October 3, 2022', '2022-10-03'],
    ['Monday, October 3, 2022', '2022-10-03'],
    ['Oct. 3, 2022', '2022-10-03'],
    ['Sept 30 2021', '2021-09-30'],
    ['2022年10月3日', '2022-10-03'],
    ['2022 年 1 月 31 日', '2022-01-31'],
    ['2024-02-29', '2024-02-29'],
  ])('when the line is "%s" then the day is %s', (line, day) => {
    expect(iso(line)).toBe(day);
  });

  it.each(['February 30, 2022', '2023-02-29', 'Octember 3, 2022', 'Ma 3, 2022', 'yesterday', '', '2022年13月1日'])(
    'when the line is "%s" then it names no day, and the page shows it as it is', (line) => {
      expect(dayOfDateLine(line)).toBeUndefined();
    });
});
