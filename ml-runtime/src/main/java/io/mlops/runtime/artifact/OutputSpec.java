package io.mlops.runtime.artifact;

import io.mlops.domain.model.Task;
import java.util.List;

/**
 * What the model emits.
 *
 * @param task regression, binary or multiclass
 * @param classLabels for binary exactly two, {@code [negative, positive]}; for multiclass one per
 *     output column, in column order; empty for regression
 * @param name name of the output (e.g. {@code "logits"} or the label column)
 */
public record OutputSpec(Task task, List<String> classLabels, String name) {

  public OutputSpec {
    if (task == null) {
      throw new ManifestInvalid("output has no task");
    }
    classLabels = classLabels == null ? List.of() : List.copyOf(classLabels);
    switch (task) {
      case REGRESSION -> {
        if (!classLabels.isEmpty()) {
          throw new ManifestInvalid("a regression output has no class labels");
        }
      }
      case BINARY -> {
        if (classLabels.size() != 2) {
          throw new ManifestInvalid("a binary output needs exactly 2 class labels, had " + classLabels.size());
        }
      }
      case MULTICLASS -> {
        if (classLabels.size() < 2) {
          throw new ManifestInvalid("a multiclass output needs at least 2 class labels, had " + classLabels.size());
        }
      }
    }
    if (classLabels.stream().distinct().count() != classLabels.size()) {
      throw new ManifestInvalid("duplicate class labels " + classLabels);
    }
    name = name == null || name.isBlank() ? (task == Task.REGRESSION ? "prediction" : "logits") : name;
  }

  /**
   * Output columns per row. Regression: 1. Binary: 1, the logit of {@code classLabels[1]} (its
   * probability is {@code sigmoid(logit)}), which is what logistic regression and BCE-with-logits
   * training produce. Multiclass: one logit per class.
   */
  public int units() {
    return task == Task.MULTICLASS ? classLabels.size() : 1;
  }
}
