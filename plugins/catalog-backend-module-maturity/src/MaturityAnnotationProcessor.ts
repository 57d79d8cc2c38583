import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { findAnnotationProblems, MATURITY_LABELS } from '@internal/plugin-maturity-common';
import { LabelSource } from './MaturityLabelSource';

/**
 * Validates the suite's annotations while the catalog processes an entity (a bad value becomes
 * a processing error on that entity alone, shown in the catalog's own error views), and writes
 * the entity's maturity level and score from the latest snapshot as labels. The labels only
 * change when a new snapshot changes them, so they cause no re-processing churn.
 * @public
 */
export class MaturityAnnotationProcessor implements CatalogProcessor {
  constructor(private readonly labels?: LabelSource) {}

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
    for (const problem of findAnnotationProblems(entity)) {
      emit(processingResult.inputError(location, problem));
    }
    const label = (await this.labels?.get())?.get(stringifyEntityRef(entity));
    if (!label) return entity;
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        labels: {
          ...entity.metadata.labels,
          [MATURITY_LABELS.level]: label.level,
          [MATURITY_LABELS.score]: String(label.score),
        },
      },
    };
  }
}
