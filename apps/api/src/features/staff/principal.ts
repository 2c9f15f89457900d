/** Who a staff request acts as, set by the staff gate (`http/require-staff.ts`). */
export interface StaffPrincipal {
  staffId: string;
  name: string;
  role: 'court_admin' | 'unit_member' | 'custodian';
  courtId: string;
  unitId: string | null;
}
