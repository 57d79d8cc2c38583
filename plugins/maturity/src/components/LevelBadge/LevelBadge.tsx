import { LEVELS, LevelId } from '@internal/plugin-maturity-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

// Fixed colours with a text colour chosen for contrast (WCAG AA) on both themes.
const COLOURS: Record<LevelId, { background: string; color: string }> = {
  L1: { background: '#b71c1c', color: '#ffffff' },
  L2: { background: '#e65100', color: '#ffffff' },
  L3: { background: '#f9a825', color: '#1a1a1a' },
  L4: { background: '#558b2f', color: '#ffffff' },
  L5: { background: '#1b5e20', color: '#ffffff' },
};

/**
 * The maturity level as a coloured badge, e.g. "L4 · Improve"; usable in entity headers.
 * @public
 */
export function LevelBadge(props: {
  level: LevelId | null;
  size?: 'small' | 'medium';
}) {
  const { level, size = 'small' } = props;
  if (!level) {
    return <Chip size={size} label="Not scored" variant="outlined" />;
  }
  const info = LEVELS.find(l => l.id === level)!;
  const next = LEVELS[LEVELS.indexOf(info) + 1];
  return (
    <Tooltip
      title={
        next
          ? `${info.name}: from ${info.minScore}; ${next.id} from ${next.minScore}`
          : `${info.name}: from ${info.minScore}`
      }
    >
      <Chip
        size={size}
        label={`${level} · ${info.name}`}
        style={COLOURS[level]}
      />
    </Tooltip>
  );
}
