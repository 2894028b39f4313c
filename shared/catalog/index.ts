import type { EquipmentModel } from '../model/schema';
import { catalogEntries } from './entries';

/** The built-in catalog, fresh objects on every call so callers may edit their copy. */
export function builtInCatalog(): EquipmentModel[] {
  return catalogEntries();
}

/** One built-in entry by id; throws naming the id when the catalog has no such entry. */
export function builtInModel(id: string): EquipmentModel {
  const found = catalogEntries().find((m) => m.id === id);
  if (!found) throw new Error(`built-in catalog: no model "${id}"`);
  return found;
}
