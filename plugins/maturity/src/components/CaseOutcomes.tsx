import {
  describeOutcome,
  PracticeCase,
} from '@internal/plugin-maturity-common';
import Chip from '@material-ui/core/Chip';

/**
 * A case's measured outcomes as chips. A long outcome wraps inside its chip rather than widening
 * the table past the page.
 */
export function CaseOutcomes(props: { outcomes: PracticeCase['outcomes'] }) {
  return (
    <>
      {props.outcomes.map(o => (
        <Chip
          key={o.metric}
          size="small"
          variant="outlined"
          label={
            <span
              style={{
                whiteSpace: 'normal',
                display: 'block',
                padding: '2px 0',
              }}
            >
              {describeOutcome(o)}
            </span>
          }
          style={{ margin: 2, height: 'auto', maxWidth: '100%' }}
        />
      ))}
    </>
  );
}
