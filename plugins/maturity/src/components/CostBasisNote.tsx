import {
  CostResponse,
  MATURITY_ANNOTATIONS,
} from '@internal/plugin-maturity-common';
import Alert from '@material-ui/lab/Alert';

/** Says what a cost rests on when it is less than requests and real usage. */
export function CostBasisNote(props: { costs: CostResponse }) {
  const { workload, estimatedWorkloads, kind } = props.costs;
  if (kind !== 'workload') {
    return estimatedWorkloads > 0 ? (
      <Alert severity="info">
        {estimatedWorkloads} workload
        {estimatedWorkloads === 1 ? ' is' : 's are'} priced on declared cores
        only: their cost is an estimate without memory, waste or usage.
      </Alert>
    ) : null;
  }
  switch (workload?.basis) {
    case 'declared':
      return (
        <Alert severity="info">
          Estimate: priced on the cores declared in {MATURITY_ANNOTATIONS.cores}
          , CPU only. Add the annotation backstage.io/kubernetes-id to price
          real requests, and a Prometheus selector to measure usage and waste.
        </Alert>
      );
    case 'requests':
      return (
        <Alert severity="info">
          Priced on requests; usage is unknown, so waste and efficiency are too.
          Add the annotation {MATURITY_ANNOTATIONS.prometheusSelector} (e.g.
          namespace="shop",pod=~"cart-.*") or configure Prometheus.
        </Alert>
      );
    case 'none':
      return (
        <Alert severity="warning">
          No cost data for this workload: add the annotation
          backstage.io/kubernetes-id (or declare {MATURITY_ANNOTATIONS.cores})
          so it can be priced.
        </Alert>
      );
    default:
      return null;
  }
}
