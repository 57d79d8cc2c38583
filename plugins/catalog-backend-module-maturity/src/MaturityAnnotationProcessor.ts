import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { readDeclaredCores } from '@internal/plugin-maturity-common';

/**
 * Validates the suite's annotations while the catalog processes an entity. A bad value becomes
 * a processing error on that entity alone, shown in the catalog's own error views.
 */
export class MaturityAnnotationProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'MaturityAnnotationProcessor';
  }

  async validateEntityKind(): Promise<boolean> {
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const cores = readDeclaredCores(entity);
    if (!cores.ok) {
      emit(processingResult.inputError(location, cores.error));
    }
    return entity;
  }
}
