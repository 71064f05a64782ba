import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api';
import { registryErrorMessage } from './errors';

describe('registryErrorMessage', () => {
  it('keeps the plain sentence of a duplicate-name error, not the SQL', () => {
    const raw =
      'Registered Model (name=ui-model) already exists. Error: (sqlite3.IntegrityError) UNIQUE constraint failed: registered_models.name\n[SQL: INSERT ...]';
    const e = new ApiError(
      400,
      'RESOURCE_ALREADY_EXISTS',
      'The server could not apply this change (a database error).',
      raw,
    );
    expect(registryErrorMessage(e)).toBe('Registered Model (name=ui-model) already exists.');
  });
  it('passes other errors through', () => {
    expect(
      registryErrorMessage(
        new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', 'Model Version (name=m, version=9) not found'),
      ),
    ).toBe('Model Version (name=m, version=9) not found');
    expect(
      registryErrorMessage(new ApiError(400, 'RESOURCE_ALREADY_EXISTS', 'db error', 'no sentence')),
    ).toBe('db error');
  });
});
