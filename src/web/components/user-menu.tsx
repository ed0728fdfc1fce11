// Who is signed in, and the way out.
export type UserMenuProps = { name: string; role: string; onSignOut: () => void };

function initialsOf(name: string): string {
  const words = name
    .replace(/@.*/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? '')
      .join('') || '?'
  );
}

export function UserMenu({ name, role, onSignOut }: UserMenuProps) {
  return (
    <div className="user-menu">
      <span className="avatar" aria-hidden="true">
        {initialsOf(name)}
      </span>
      <span className="user-menu__who">
        <span className="user-menu__name" data-testid="user-name">
          {name}
        </span>
        <span className="user-menu__role">{role}</span>
      </span>
      <button type="button" className="button button--ghost" onClick={onSignOut} data-testid="sign-out">
        Sign out
      </button>
    </div>
  );
}
