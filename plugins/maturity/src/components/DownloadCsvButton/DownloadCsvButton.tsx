import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { useState } from 'react';

/**
 * A button that fetches CSV (the route's answer to `Accept: text/csv`, so the file holds what
 * the caller may read and nothing else) and saves it as `filename`.
 */
export function DownloadCsvButton(props: {
  fetchCsv: () => Promise<string>;
  filename: string;
  label?: string;
}) {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const csv = await props.fetchCsv();
      const url = URL.createObjectURL(
        new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = props.filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (error) {
      alertApi.post({
        message: `Could not download ${props.filename}: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" size="small" onClick={download} disabled={busy}>
      {props.label ?? 'Download CSV'}
    </Button>
  );
}
