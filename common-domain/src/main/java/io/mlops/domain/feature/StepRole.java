package io.mlops.domain.feature;

import java.util.List;

/** The place a step may take in a chain; shared by spec and fitted chains so both obey one rule set. */
enum StepRole {
  IMPUTE,
  NUMERIC,
  ONE_HOT,
  DATE_PARTS;

  static StepRole of(Transformation t) {
    return switch (t) {
      case Transformation.Impute i -> IMPUTE;
      case Transformation.OneHot o -> ONE_HOT;
      case Transformation.DateParts d -> DATE_PARTS;
      case Transformation.Standardize s -> NUMERIC;
      case Transformation.MinMaxScale s -> NUMERIC;
      case Transformation.Log1p s -> NUMERIC;
      case Transformation.Clip s -> NUMERIC;
      case Transformation.Bucketize s -> NUMERIC;
    };
  }

  static StepRole of(FittedTransformation t) {
    return switch (t) {
      case FittedTransformation.Impute i -> IMPUTE;
      case FittedTransformation.OneHot o -> ONE_HOT;
      case FittedTransformation.DateParts d -> DATE_PARTS;
      case FittedTransformation.Standardize s -> NUMERIC;
      case FittedTransformation.MinMaxScale s -> NUMERIC;
      case FittedTransformation.Log1p s -> NUMERIC;
      case FittedTransformation.Clip s -> NUMERIC;
      case FittedTransformation.Bucketize s -> NUMERIC;
    };
  }

  /**
   * Checks the order rules (impute first, one-hot or date parts last, date parts alone) and
   * returns the kind of value the chain reads.
   */
  static ValueKind check(String feature, String column, List<StepRole> roles) {
    int last = roles.size() - 1;
    for (int i = 0; i <= last; i++) {
      StepRole role = roles.get(i);
      if (role == IMPUTE && i != 0) {
        throw new FeatureDefinitionInvalid(feature, column, "impute must be the first transformation");
      }
      if ((role == ONE_HOT || role == DATE_PARTS) && i != last) {
        throw new FeatureDefinitionInvalid(
            feature, column, role.name().toLowerCase() + " must be the last transformation");
      }
    }
    if (last < 0) {
      return ValueKind.NUMERIC;
    }
    if (roles.get(last) == DATE_PARTS) {
      if (last != 0) {
        throw new FeatureDefinitionInvalid(
            feature, column, "date_parts must be the only transformation of its feature");
      }
      return ValueKind.TEMPORAL;
    }
    if (roles.get(last) == ONE_HOT && !roles.contains(NUMERIC)) {
      return ValueKind.CATEGORICAL;
    }
    return ValueKind.NUMERIC;
  }
}
