import { useApi } from '@backstage/core-plugin-api';
import {
  CheckDefinition,
  InitiativeDefinition,
  InitiativeTarget,
} from '@internal/plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { maturityApiRef } from '../../api';

type TargetKind = 'level' | 'score' | 'checks';

const slug = (name: string) =>
  name
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);

/**
 * The form that creates an initiative. The backend decides whether the caller may
 * (maturity.initiative.manage) and whether it is well formed; its message is shown as it is.
 */
export function InitiativeForm(props: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
  checks: readonly CheckDefinition[];
  scopes: string[];
}) {
  const api = useApi(maturityApiRef);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [scope, setScope] = useState('');
  const [kind, setKind] = useState<TargetKind>('level');
  const [level, setLevel] = useState<'L2' | 'L3' | 'L4' | 'L5'>('L3');
  const [score, setScore] = useState('60');
  const [checks, setChecks] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const target = (): InitiativeTarget => {
    if (kind === 'level') return { level };
    if (kind === 'score') return { score: Number(score) };
    return { checks };
  };
  const submit = async () => {
    const initiative: InitiativeDefinition = {
      id: slug(name),
      name,
      owner,
      scope,
      target: target(),
      deadline,
    };
    setSaving(true);
    setError(undefined);
    try {
      await api.createInitiative(initiative);
      props.onCreated();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>New initiative</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <TextField
          id="initiative-name"
          label="Name"
          value={name}
          onChange={e => setName(e.target.value)}
          helperText={name ? `Its id: ${slug(name)}` : 'e.g. Probes everywhere'}
          fullWidth
          margin="dense"
          required
        />
        <TextField
          id="initiative-owner"
          label="Owner"
          value={owner}
          onChange={e => setOwner(e.target.value)}
          helperText="Entity ref of the Group or User who owns it, e.g. group:default/search-ai"
          fullWidth
          margin="dense"
          required
        />
        <TextField
          select
          id="initiative-scope"
          label="Scope"
          value={scope}
          onChange={e => setScope(String(e.target.value))}
          helperText="The company or department whose workloads it covers"
          fullWidth
          margin="dense"
          required
        >
          {props.scopes.map(ref => (
            <MenuItem key={ref} value={ref}>
              {ref}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="initiative-target"
          label="Target"
          value={kind}
          onChange={e => setKind(e.target.value as TargetKind)}
          fullWidth
          margin="dense"
        >
          <MenuItem value="level">A level</MenuItem>
          <MenuItem value="score">A score</MenuItem>
          <MenuItem value="checks">Checks that must pass</MenuItem>
        </TextField>
        {kind === 'level' && (
          <TextField
            select
            id="initiative-level"
            label="Level"
            value={level}
            onChange={e => setLevel(e.target.value as typeof level)}
            fullWidth
            margin="dense"
          >
            {(['L2', 'L3', 'L4', 'L5'] as const).map(l => (
              <MenuItem key={l} value={l}>
                {l} or above
              </MenuItem>
            ))}
          </TextField>
        )}
        {kind === 'score' && (
          <TextField
            id="initiative-score"
            label="Score"
            type="number"
            value={score}
            onChange={e => setScore(e.target.value)}
            inputProps={{ min: 0, max: 100 }}
            fullWidth
            margin="dense"
          />
        )}
        {kind === 'checks' && (
          <TextField
            select
            id="initiative-checks"
            label="Checks"
            value={checks}
            onChange={e => setChecks(e.target.value as unknown as string[])}
            SelectProps={{ multiple: true }}
            fullWidth
            margin="dense"
          >
            {props.checks.map(c => (
              <MenuItem key={c.id} value={c.id}>
                {c.title}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          id="initiative-deadline"
          label="Deadline"
          type="date"
          value={deadline}
          onChange={e => setDeadline(e.target.value)}
          InputLabelProps={{ shrink: true }}
          fullWidth
          margin="dense"
          required
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={saving || !name || !scope || !owner || !deadline}
        >
          Create
        </Button>
      </DialogActions>
    </Dialog>
  );
}
