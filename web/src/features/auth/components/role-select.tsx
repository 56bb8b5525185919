import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { roleDescription, roleLabel, type Role } from '../roles';

/** A role picker for forms: each option says what the role may do. */
export function RoleField({
  label = 'Role',
  value,
  roles,
  onChange,
  helperText,
  error,
  name = 'role',
}: {
  label?: string;
  value: Role;
  roles: readonly Role[];
  onChange: (role: Role) => void;
  helperText?: string | undefined;
  error?: boolean;
  name?: string;
}) {
  return (
    <TextField
      select
      label={label}
      name={name}
      value={value}
      onChange={(e) => {
        onChange(e.target.value as Role);
      }}
      error={error}
      helperText={helperText ?? roleDescription[value]}
      slotProps={{ select: { renderValue: (v) => roleLabel[v as Role] } }}
    >
      {roles.map((role) => (
        <MenuItem key={role} value={role}>
          <ListItemText
            primary={roleLabel[role]}
            secondary={roleDescription[role]}
            slotProps={{ primary: { sx: { fontWeight: 600 } } }}
          />
        </MenuItem>
      ))}
    </TextField>
  );
}
