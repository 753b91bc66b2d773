// Placeholder until sign-in lands: shows nothing.
export function UserMenu() {
  return null;
}
