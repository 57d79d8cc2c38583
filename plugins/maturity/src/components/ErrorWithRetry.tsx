import { ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';

/** An error panel with a button that tries the request again. */
export function ErrorWithRetry(props: { error: Error; retry: () => void }) {
  return (
    <>
      <ResponseErrorPanel error={props.error} />
      <Button variant="outlined" onClick={props.retry}>
        Retry
      </Button>
    </>
  );
}
