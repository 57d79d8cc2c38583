import {
  DefaultEntityFilters,
  EntityFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  LEVELS,
  LevelId,
  MATURITY_LABELS,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { LevelBadge } from '../LevelBadge';

/**
 * Catalog filter on the maturity level label the catalog module writes; the catalog backend does
 * the filtering.
 * @public
 */
export class EntityMaturityLevelFilter implements EntityFilter {
  constructor(readonly values: LevelId[]) {}

  getCatalogFilters(): Record<string, string[]> {
    return { [`metadata.labels.${MATURITY_LABELS.level}`]: this.values };
  }

  toQueryValue(): string[] {
    return this.values;
  }
}

type Filters = DefaultEntityFilters & {
  maturityLevel?: EntityMaturityLevelFilter;
};
const isLevel = (value: unknown): value is LevelId =>
  LEVELS.some(l => l.id === value);

/** Checkboxes that filter the catalog table by maturity level. @public */
export function EntityMaturityLevelPicker() {
  const { updateFilters, queryParameters } = useEntityList<Filters>();
  const [selected, setSelected] = useState<LevelId[]>(() =>
    [queryParameters.maturityLevel].flat().filter(isLevel),
  );
  useEffect(() => {
    updateFilters({
      maturityLevel: selected.length
        ? new EntityMaturityLevelFilter(selected)
        : undefined,
    });
  }, [selected, updateFilters]);

  const toggle = (level: LevelId) =>
    setSelected(current =>
      current.includes(level)
        ? current.filter(l => l !== level)
        : [...current, level].sort(),
    );
  return (
    <Box pb={1} pt={1}>
      <Typography variant="button" component="label" id="maturity-level-picker">
        Maturity level
      </Typography>
      <Box
        display="flex"
        flexDirection="column"
        role="group"
        aria-labelledby="maturity-level-picker"
      >
        {LEVELS.map(level => (
          <FormControlLabel
            key={level.id}
            control={
              <Checkbox
                size="small"
                checked={selected.includes(level.id)}
                onChange={() => toggle(level.id)}
                inputProps={{ 'aria-label': `${level.id} ${level.name}` }}
              />
            }
            label={<LevelBadge level={level.id} />}
          />
        ))}
      </Box>
    </Box>
  );
}
