/** An indicator of the report as the fixtures write their expectations (test/fixtures/forms/families.ts). */
import type { IndicatorJson } from '../../src/core/report';
import type { ExpectedIndicator } from '../fixtures/forms/families';

export function indicatorTuple(i: IndicatorJson): ExpectedIndicator {
  const a = i.annual;
  const t: ExpectedIndicator = [
    i.cell,
    i.level1?.name ?? null,
    i.level2?.name ?? null,
    i.name,
    a?.raw ?? '',
    a?.comparator ?? null,
    a?.value ?? null,
    a?.unit ?? null,
    a?.text ?? null,
    i.period?.raw ?? null,
  ];
  if (i.weight !== undefined) t.push(i.weight);
  return t;
}
