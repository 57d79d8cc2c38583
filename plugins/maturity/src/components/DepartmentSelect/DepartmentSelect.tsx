import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';

/** A department's name without its kind and namespace. */
const short = (ref: string) => ref.replace(/^group:default\//, '');

/**
 * Chooses one department of `departments`, or all of them (the empty value). The chosen one is
 * listed even before the list arrives, so a shared link shows its choice at once.
 */
export function DepartmentSelect(props: {
  id: string;
  label: string;
  value: string;
  departments: string[] | undefined;
  onChange: (department: string) => void;
}) {
  const { id, label, value } = props;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 220 }}>
      <InputLabel id={`${id}-label`} shrink>
        {label}
      </InputLabel>
      <Select
        labelId={`${id}-label`}
        label={label}
        displayEmpty
        value={value}
        onChange={e => props.onChange(String(e.target.value))}
      >
        <MenuItem value="">All departments</MenuItem>
        {(props.departments ?? (value ? [value] : [])).map(ref => (
          <MenuItem key={ref} value={ref}>
            {short(ref)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
