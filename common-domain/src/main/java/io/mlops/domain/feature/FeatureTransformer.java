package io.mlops.domain.feature;

import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link FittedFeatureSpec} on raw rows: a pure function of the spec and the row,
 * the same code for materialization and for inference. Immutable and thread-safe.
 *
 * <p>Row values may be Number, Boolean (1/0), String, LocalDate, LocalDateTime, Instant,
 * OffsetDateTime, ZonedDateTime (taken in UTC) or ISO-8601 text for dates; null, an absent key or
 * a NaN is missing. A category key is the text, "true"/"false", or the number in shortest form
 * with integral values written without a fraction (3 and 3.0 are both "3").
 *
 * @see FeatureNotComputable for the errors a row can raise
 */
public final class FeatureTransformer {

  private final FittedFeatureSpec spec;
  private final CompiledFeature[] features;
  private final List<String> outputColumns;
  private final int width;

  public FeatureTransformer(FittedFeatureSpec spec) {
    this.spec = spec;
    this.features = spec.features().stream().map(FittedFeature::compile).toArray(CompiledFeature[]::new);
    this.outputColumns = spec.outputColumns();
    this.width = outputColumns.size();
  }

  public FittedFeatureSpec spec() {
    return spec;
  }

  /** The names of the vector's entries, in order. */
  public List<String> outputColumns() {
    return outputColumns;
  }

  /** The length of one row's feature vector. */
  public int width() {
    return width;
  }

  public double[] transform(Map<String, ?> row) {
    double[] out = new double[width];
    write(row, Out.of(out), 0);
    return out;
  }

  /** Writes one row's vector into {@code out[offset .. offset + width())}. */
  public void transform(Map<String, ?> row, double[] out, int offset) {
    checkRoom(out.length, offset, 1);
    write(row, Out.of(out), offset);
  }

  /** As {@link #transform(Map, double[], int)}, each value rounded to float after the double computation. */
  public void transform(Map<String, ?> row, float[] out, int offset) {
    checkRoom(out.length, offset, 1);
    write(row, Out.of(out), offset);
  }

  /** Writes the rows' vectors row-major into {@code out} from index 0, allocating nothing per row. */
  public void transformBatch(List<? extends Map<String, ?>> rows, double[] out) {
    writeBatch(rows, Out.of(out), out.length);
  }

  /** As {@link #transformBatch(List, double[])} into floats, e.g. for a tensor buffer. */
  public void transformBatch(List<? extends Map<String, ?>> rows, float[] out) {
    writeBatch(rows, Out.of(out), out.length);
  }

  private void writeBatch(List<? extends Map<String, ?>> rows, Out out, int length) {
    checkRoom(length, 0, rows.size());
    int offset = 0;
    int index = 0;
    for (Map<String, ?> row : rows) {
      try {
        write(row, out, offset);
      } catch (FeatureNotComputable e) {
        throw e.atRow(index);
      }
      offset += width;
      index++;
    }
  }

  private void write(Map<String, ?> row, Out out, int offset) {
    int at = offset;
    for (CompiledFeature feature : features) {
      feature.write(row, out, at);
      at += feature.width();
    }
  }

  private void checkRoom(int length, int offset, int rows) {
    if (offset < 0 || (long) offset + (long) rows * width > length) {
      throw new IndexOutOfBoundsException("buffer of " + length + " has no room for " + rows
          + " row(s) of width " + width + " at offset " + offset);
    }
  }
}
