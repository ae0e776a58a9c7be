export interface Me {
  user: string;
  name: string | null;
  role: string | null;
  roles: string[];
  tenant: string | null;
  brands: string[];
  csrfToken: string;
}

/** Roles that may moderate: the page hides the actions of the others for comfort; the service decides. */
export const canModerate = (me: Me) => me.roles.includes('admin') || me.roles.includes('community-manager');
