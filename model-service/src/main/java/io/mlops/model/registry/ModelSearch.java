package io.mlops.model.registry;

/**
 * Search criteria, all optional and combined with AND.
 *
 * @param nameContains case-insensitive substring of the model name
 * @param tagKey a tag the model or one of its versions carries
 * @param tagValue with tagKey: the value that tag must have
 * @param metric with min and/or max: some version's metric lies within [min, max]
 */
public record ModelSearch(String nameContains, String tagKey, String tagValue, String metric, Double min, Double max) {

  public static ModelSearch all() {
    return new ModelSearch(null, null, null, null, null, null);
  }
}
