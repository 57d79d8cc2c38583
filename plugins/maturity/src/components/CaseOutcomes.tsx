import { describeOutcome, PracticeCase } from '@internal/plugin-maturity-common';
import Chip from '@material-ui/core/Chip';

/** A case's measured outcomes as chips. */
export function CaseOutcomes(props: { outcomes: PracticeCase['outcomes'] }) {
  return (
    <>
      {props.outcomes.map(o => (
        <Chip key={o.metric} size="small" variant="outlined" label={describeOutcome(o)} style={{ margin: 2 }} />
      ))}
    </>
  );
}
