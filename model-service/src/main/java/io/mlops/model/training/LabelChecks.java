package io.mlops.model.training;

import io.mlops.domain.feature.FittedFeature;
import io.mlops.model.training.data.FeatureSetInfo;

/** What a label column must be, checked when a job is accepted and again when it runs. */
final class LabelChecks {

  private LabelChecks() {}

  /**
   * @throws LabelColumnNotFound if the plan's label is not a label column of the set
   * @throws LabelReadByFeature if a feature of the set's fitted spec reads it
   */
  static void require(TrainingPlan plan, FeatureSetInfo info) {
    if (!info.labelColumns().contains(plan.labelColumn())) {
      throw new LabelColumnNotFound(plan.labelColumn(), plan.featureSet().featureSet(), info.labelColumns());
    }
    for (FittedFeature feature : info.fittedSpec().features()) {
      if (feature.column().equals(plan.labelColumn())) {
        throw new LabelReadByFeature(plan.labelColumn(), plan.featureSet().featureSet(), feature.name());
      }
    }
  }
}
