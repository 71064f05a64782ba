/**
 * The message to show for a failed registry write. A duplicate name comes back
 * from the SQL store as "Registered Model (name=x) already exists. Error:
 * (sqlite3.IntegrityError) ..."; the API layer hides database text entirely,
 * so the plain first sentence is recovered here from the kept details.
 */
import { isApiError, userMessage } from '../../../api';

export function registryErrorMessage(e: unknown): string {
  if (isApiError(e) && e.errorCode === 'RESOURCE_ALREADY_EXISTS') {
    const first = /^(.*?already exists\.)/i.exec(e.details || e.message);
    if (first) return first[1]!;
  }
  return userMessage(e);
}
