package io.mlops.domain.feature;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fits feature definitions on data streamed in passes, in memory bounded by the number of features
 * (and by distinct categories, and for median and most-frequent impute by 8 bytes per row).
 *
 * <p>A chain is fitted in order: the step k that learns from data is fitted on the values
 * transformed by the already fitted steps before it (standardize after impute sees imputed
 * values). So fitting takes one pass over the data per data-dependent step of the longest chain
 * (at least one, which also checks every column and value): the caller replays its rows,
 * e.g. re-opening a cursor per pass.
 *
 * <p>Rows must carry every column, null for a missing value: a row without a feature's column
 * key fails with {@link ColumnNotFound} (at evaluation, by contrast, an absent key is a missing value).
 *
 * <pre>{@code
 * FeatureFitter fitter = FeatureFitter.begin(definitions);
 * while (fitter.needsAnotherPass()) {
 *   try (var rows = openRows()) { rows.forEach(fitter::accept); }   // any chunking
 *   fitter.endPass();
 * }
 * FittedFeatureSpec spec = fitter.result();
 * }</pre>
 * Not thread-safe: one fitter per fit.
 */
public final class FeatureFitter {

  private final List<FeatureFitState> states;
  private int passes;
  private long rowsInPass;

  private FeatureFitter(List<FeatureDefinition> definitions) {
    if (definitions == null || definitions.isEmpty() || definitions.stream().anyMatch(Objects::isNull)) {
      throw new FeatureDefinitionInvalid(null, null, "needs at least one feature and no null ones");
    }
    Set<String> names = new HashSet<>();
    for (FeatureDefinition definition : definitions) {
      if (!names.add(definition.name())) {
        throw new FeatureDefinitionInvalid(definition.name(), definition.column(),
            "another feature has the same name");
      }
    }
    this.states = definitions.stream().map(FeatureFitState::new).toList();
  }

  public static FeatureFitter begin(List<FeatureDefinition> definitions) {
    return new FeatureFitter(definitions);
  }

  /** As {@link #begin(List)}, first checking every source column against the data's known columns. */
  public static FeatureFitter begin(List<FeatureDefinition> definitions, Collection<String> columns) {
    for (FeatureDefinition definition : definitions) {
      if (!columns.contains(definition.column())) {
        throw columnNotFound(definition);
      }
    }
    return new FeatureFitter(definitions);
  }

  /** Fits in as many passes over {@code rows} as needed; each {@code iterator()} call must replay the data. */
  public static FittedFeatureSpec fit(List<FeatureDefinition> definitions,
      Iterable<? extends Map<String, ?>> rows) {
    FeatureFitter fitter = begin(definitions);
    while (fitter.needsAnotherPass()) {
      for (Map<String, ?> row : rows) {
        fitter.accept(row);
      }
      fitter.endPass();
    }
    return fitter.result();
  }

  /** The total number of passes this fit takes, for progress reporting. */
  public int passesRequired() {
    return (int) Math.max(1, states.stream().mapToLong(FeatureFitState::passesNeeded).max().orElse(0));
  }

  public int passesDone() {
    return passes;
  }

  public boolean needsAnotherPass() {
    return passes == 0 || states.stream().anyMatch(s -> !s.done());
  }

  /** Feeds one row of the current pass. */
  public void accept(Map<String, ?> row) {
    if (!needsAnotherPass()) {
      throw new IllegalStateException("all passes are done");
    }
    try {
      for (FeatureFitState state : states) {
        state.accept(row);
      }
    } catch (FeatureNotComputable e) {
      throw e.atRow(rowsInPass);
    }
    rowsInPass++;
  }

  /** Ends the current pass, fitting each step that was accumulating. */
  public void endPass() {
    if (passes == 0) {
      if (rowsInPass == 0) {
        FeatureDefinition first = states.getFirst().definition();
        throw new NoValuesToFit(first.name(), first.column(), "the data has no rows");
      }
    }
    passes++;
    rowsInPass = 0;
    states.forEach(FeatureFitState::endPass);
  }

  public FittedFeatureSpec result() {
    if (needsAnotherPass()) {
      throw new IllegalStateException("fitting needs another pass over the data");
    }
    return new FittedFeatureSpec(states.stream().map(FeatureFitState::result).toList());
  }

  private static ColumnNotFound columnNotFound(FeatureDefinition definition) {
    return new ColumnNotFound(definition.name(), definition.column(),
        "the data has no column '" + definition.column() + "'");
  }
}
