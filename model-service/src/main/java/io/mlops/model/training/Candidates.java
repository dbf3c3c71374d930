package io.mlops.model.training;

import io.mlops.model.training.fit.HyperParams;
import io.mlops.model.training.fit.Splits;
import io.mlops.runtime.architecture.InvalidArchitecture;
import io.mlops.runtime.architecture.MlpSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Search candidates: the cartesian product of the parameter lists (grid), or a seeded sample of it (random). */
final class Candidates {

  static final int MAX_TRIALS = 200;

  private Candidates() {}

  static List<HyperParams> of(TrainingJobRequest.SearchSpace search, HyperParams base, long seed) {
    Map<String, List<Object>> space = new LinkedHashMap<>(search.parameters() == null ? Map.of() : search.parameters());
    if (space.isEmpty()) {
      throw new TrainingRequestInvalid("search.parameters", "needs at least one parameter with candidate values");
    }
    long size = 1;
    for (var entry : space.entrySet()) {
      if (entry.getValue() == null || entry.getValue().isEmpty()) {
        throw new TrainingRequestInvalid("search.parameters." + entry.getKey(), "needs at least one value");
      }
      size *= entry.getValue().size();
      if (size > 100_000) {
        throw new TrainingRequestInvalid("search.parameters", "more than 100000 combinations");
      }
    }
    String strategy = search.strategy() == null ? "grid" : search.strategy().toLowerCase(Locale.ROOT);
    int[] picks;
    switch (strategy) {
      case "grid" -> {
        if (size > MAX_TRIALS) {
          throw new TrainingRequestInvalid("search.parameters", size + " grid combinations; at most " + MAX_TRIALS);
        }
        picks = new int[(int) size];
        for (int i = 0; i < size; i++) {
          picks[i] = i;
        }
      }
      case "random" -> {
        Integer trials = search.trials();
        if (trials == null || trials < 1 || trials > MAX_TRIALS) {
          throw new TrainingRequestInvalid("search.trials", "random search needs a trial budget of 1.." + MAX_TRIALS);
        }
        int[] order = Splits.permutation((int) size, seed);
        picks = java.util.Arrays.copyOf(order, (int) Math.min(trials, size));
      }
      default -> throw new TrainingRequestInvalid("search.strategy", "'" + search.strategy() + "' is not grid or random");
    }
    List<String> names = List.copyOf(space.keySet());
    List<HyperParams> result = new ArrayList<>(picks.length);
    for (int pick : picks) {
      HyperParams hp = base;
      int rest = pick;
      for (int p = names.size() - 1; p >= 0; p--) {
        List<Object> values = space.get(names.get(p));
        hp = with(hp, names.get(p), values.get(rest % values.size()));
        rest /= values.size();
      }
      result.add(hp);
    }
    return result;
  }

  static HyperParams with(HyperParams hp, String name, Object value) {
    String field = "search.parameters." + name;
    try {
      return switch (name) {
        case "learningRate" -> new HyperParams(hp.architecture(), hp.optimizer(), positive(field, num(value)),
            hp.weightDecay(), hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
        case "weightDecay" -> new HyperParams(hp.architecture(), hp.optimizer(), hp.learningRate(), num(value),
            hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
        case "batchSize" -> new HyperParams(hp.architecture(), hp.optimizer(), hp.learningRate(), hp.weightDecay(),
            (int) positive(field, num(value)), hp.epochs(), hp.patience(), hp.validationFraction());
        case "epochs" -> new HyperParams(hp.architecture(), hp.optimizer(), hp.learningRate(), hp.weightDecay(),
            hp.batchSize(), (int) positive(field, num(value)), hp.patience(), hp.validationFraction());
        case "optimizer" -> new HyperParams(hp.architecture(), TrainingPlan.optimizer(field, value.toString()),
            hp.learningRate(), hp.weightDecay(), hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
        case "hiddenSizes", "activation", "dropout" -> new HyperParams(mlp(hp, field, name, value), hp.optimizer(),
            hp.learningRate(), hp.weightDecay(), hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
        default -> throw new TrainingRequestInvalid(field, "unknown hyperparameter");
      };
    } catch (ClassCastException | IllegalArgumentException e) {
      if (e instanceof TrainingRequestInvalid) {
        throw e;
      }
      throw new TrainingRequestInvalid(field, "value " + value + " is not usable: " + e.getMessage());
    }
  }

  private static MlpSpec mlp(HyperParams hp, String field, String name, Object value) {
    if (!(hp.architecture() instanceof MlpSpec m)) {
      throw new TrainingRequestInvalid(field, "only an mlp has " + name);
    }
    try {
      return switch (name) {
        case "hiddenSizes" -> new MlpSpec(((List<?>) value).stream().map(v -> (int) num(v)).toList(), m.activation(),
            m.dropout());
        case "activation" -> new MlpSpec(m.hiddenSizes(), TrainingPlan.activation(field, value.toString()), m.dropout());
        default -> new MlpSpec(m.hiddenSizes(), m.activation(), num(value));
      };
    } catch (InvalidArchitecture e) {
      throw new TrainingRequestInvalid(field, e.getMessage());
    }
  }

  private static double num(Object value) {
    return ((Number) value).doubleValue();
  }

  private static double positive(String field, double value) {
    if (!(value > 0)) {
      throw new TrainingRequestInvalid(field, "must be > 0, was " + value);
    }
    return value;
  }
}
