import { QueryCounter } from '@junction/db';

describe('QueryCounter', () => {
  it('counts every statement but keeps only the latest 100, so a long-running service does not hoard them', () => {
    const counter = new QueryCounter();
    for (let index = 0; index < 150; index++) counter.logQuery(`SELECT ${index}`);
    counter.logQuery('COMMIT');
    expect(counter.count).toBe(150);
    expect(counter.statements).toHaveLength(100);
    expect(counter.statements[0]).toBe('SELECT 50');
    expect(counter.statements.at(-1)).toBe('SELECT 149');
    counter.reset();
    expect([counter.count, counter.statements]).toEqual([0, []]);
  });
});
