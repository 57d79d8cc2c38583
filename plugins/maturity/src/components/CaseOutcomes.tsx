import { CaseOutcome, describeOutcome } from '@internal/plugin-maturity-common';
import Chip from '@material-ui/core/Chip';

function OutcomeChip(props: { outcome: CaseOutcome; target?: boolean }) {
  const text = describeOutcome(props.outcome);
  return (
    <Chip
      size="small"
      variant="outlined"
      label={
        <span
          style={{
            whiteSpace: 'normal',
            display: 'block',
            padding: '2px 0',
            fontStyle: props.target ? 'italic' : undefined,
          }}
        >
          {props.target ? `Target, not a result: ${text}` : text}
        </span>
      }
      style={{
        margin: 2,
        height: 'auto',
        maxWidth: '100%',
        borderStyle: props.target ? 'dashed' : undefined,
      }}
    />
  );
}

/**
 * A case's measured outcomes as chips, then any target the source states (dashed, and named as a
 * target, so a goal is never read as a result). A long outcome wraps inside its chip rather than
 * widening the table past the page.
 */
export function CaseOutcomes(props: {
  outcomes: CaseOutcome[];
  targets?: CaseOutcome[];
}) {
  return (
    <>
      {props.outcomes.map(o => (
        <OutcomeChip key={o.metric} outcome={o} />
      ))}
      {(props.targets ?? []).map(o => (
        <OutcomeChip key={`target ${o.metric}`} outcome={o} target />
      ))}
    </>
  );
}
