import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  findAnnotationProblems,
  MATURITY_LABELS,
} from '@internal/plugin-maturity-common';
import { LabelSource } from './MaturityLabelSource';

/** Problems warned about, so that each is logged once, not at every processing pass. */
const WARNED_AT_MOST = 10_000;

/**
 * Validates the suite's annotations while the catalog processes an entity (a bad value becomes
 * a processing error on that entity alone, shown in the catalog's own error views and on the
 * unprocessed-entities page), and writes
 * the entity's maturity level and score from the latest snapshot as labels. The labels only
 * change when a new snapshot changes them, so they cause no re-processing churn.
 * @public
 */
export class MaturityAnnotationProcessor implements CatalogProcessor {
  private readonly warned = new Set<string>();

  constructor(
    private readonly labels?: LabelSource,
    /**
     * Where each problem is also logged, once: a new entity with a bad annotation is never
     * stored, so no catalog page shows it, and its owner would otherwise find it nowhere.
     */
    private readonly logger?: LoggerService,
  ) {}

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
      this.warnOnce(
        `${problem} (from ${location.type}:${location.target}); the catalog keeps the entity's last good version, or none`,
      );
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

  private warnOnce(message: string): void {
    if (!this.logger || this.warned.has(message)) return;
    if (this.warned.size >= WARNED_AT_MOST) this.warned.clear();
    this.warned.add(message);
    this.logger.warn(message);
  }
}
