/** Roles a user can have. The UI shows their Dutch names from the catalogue. */
export const ROLES = ["administrator", "teamLead", "professional", "partner", "policyOfficer", "resident"] as const;
export type Role = (typeof ROLES)[number];

/** Every permission as `resource.action`, in one place. */
export const PERMISSIONS = [
  "organisation.read",
  "organisation.manage",
  "team.read",
  "team.manage",
  "user.read",
  "user.manage",
  "audit.readTeam",
  "audit.readMunicipality",
  "household.read",
  "household.write",
  "household.search",
  "household.merge",
  "case.read",
  "case.write",
  "case.allocate",
  "assessment.write",
  "journal.write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const staffCaseWork: Permission[] = [
  "team.read",
  "user.read",
  "organisation.read",
  "household.read",
  "household.write",
  "household.search",
  "case.read",
  "case.write",
  "assessment.write",
  "journal.write",
];

/** Role → permissions. Deny by default: a permission not listed here is not granted. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: [
    "organisation.read",
    "organisation.manage",
    "team.read",
    "team.manage",
    "user.read",
    "user.manage",
    "audit.readMunicipality",
  ],
  teamLead: [...staffCaseWork, "audit.readTeam", "case.allocate", "household.merge"],
  professional: staffCaseWork,
  partner: [],
  policyOfficer: ["team.read", "organisation.read"],
  resident: [],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
