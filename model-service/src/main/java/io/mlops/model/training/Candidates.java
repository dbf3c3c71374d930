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
  static final List<String> SEARCHABLE = List.of("learningRate", "weightDecay", "batchSize", "epochs", "optimizer",
      "hiddenSizes", "activation", "dropout");

  private Candidates() {}

  static List<HyperParams> of(TrainingJobRequest.SearchSpace search, HyperParams base, long seed) {
    Map<String, List<Object>> space = new LinkedHashMap<>(search.parameters() == null ? Map.of() : search.parameters());
    if (space.isEmpty()) {
      throw new TrainingRequestInvalid("search.parameters", "needs at least one parameter with candidate values");
    }
    long size = 1;
    for (var entry : space.entrySet()) {
      String name = entry.getKey();
      if (!SEARCHABLE.contains(name)) {
        throw new TrainingRequestInvalid("search.parameters." + name, "unknown hyperparameter; searchable are "
            + SEARCHABLE);
      }
      if (entry.getValue() == null || entry.getValue().isEmpty()) {
        throw new TrainingRequestInvalid("search.parameters." + name, "needs at least one value");
      }
      size *= entry.getValue().size();
      if (size > 100_000) {
        throw new TrainingRequestInvalid("search.parameters", "more than 100000 combinations");
      }
      // each value passes the checks the request's own setting passes, so every combination does
      for (int i = 0; i < entry.getValue().size(); i++) {
        String field = field(name, i);
        TrainingPlan.checked(with(base, name, entry.getValue().get(i), field), ignored -> field);
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
        int index = rest % values.size();
        hp = with(hp, names.get(p), values.get(index), field(names.get(p), index));
        rest /= values.size();
      }
      result.add(hp);
    }
    return result;
  }

  private static String field(String name, int index) {
    return "search.parameters." + name + "[" + index + "]";
  }

  /** {@code hp} with one hyperparameter set to a search value; converts and checks its type only. */
  static HyperParams with(HyperParams hp, String name, Object value, String field) {
    return switch (name) {
      case "learningRate" -> new HyperParams(hp.architecture(), hp.optimizer(), num(field, value), hp.weightDecay(),
          hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
      case "weightDecay" -> new HyperParams(hp.architecture(), hp.optimizer(), hp.learningRate(), num(field, value),
          hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
      case "batchSize" -> new HyperParams(hp.architecture(), hp.optimizer(), hp.learningRate(), hp.weightDecay(),
          whole(field, value), hp.epochs(), hp.patience(), hp.validationFraction());
      case "epochs" -> new HyperParams(hp.architecture(), hp.optimizer(), hp.learningRate(), hp.weightDecay(),
          hp.batchSize(), whole(field, value), hp.patience(), hp.validationFraction());
      case "optimizer" -> new HyperParams(hp.architecture(), TrainingPlan.optimizer(field, text(field, value)),
          hp.learningRate(), hp.weightDecay(), hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
      case "hiddenSizes", "activation", "dropout" -> new HyperParams(mlp(hp, field, name, value), hp.optimizer(),
          hp.learningRate(), hp.weightDecay(), hp.batchSize(), hp.epochs(), hp.patience(), hp.validationFraction());
      default -> throw new TrainingRequestInvalid(field, "unknown hyperparameter");
    };
  }

  private static MlpSpec mlp(HyperParams hp, String field, String name, Object value) {
    if (!(hp.architecture() instanceof MlpSpec m)) {
      throw new TrainingRequestInvalid(field, "only an mlp has " + name);
    }
    try {
      return switch (name) {
        case "hiddenSizes" -> {
          if (!(value instanceof List<?> sizes)) {
            throw new TrainingRequestInvalid(field, "must be a list of layer sizes, was " + value);
          }
          yield new MlpSpec(sizes.stream().map(v -> whole(field, v)).toList(), m.activation(), m.dropout());
        }
        case "activation" -> new MlpSpec(m.hiddenSizes(), TrainingPlan.activation(field, text(field, value)),
            m.dropout());
        default -> new MlpSpec(m.hiddenSizes(), m.activation(), num(field, value));
      };
    } catch (InvalidArchitecture e) {
      throw new TrainingRequestInvalid(field, e.getMessage());
    }
  }

  private static double num(String field, Object value) {
    if (!(value instanceof Number n)) {
      throw new TrainingRequestInvalid(field, "must be a number, was " + value);
    }
    return n.doubleValue();
  }

  /** A whole number: 0.5 would otherwise truncate to a batch size of 0. */
  private static int whole(String field, Object value) {
    double v = num(field, value);
    if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new TrainingRequestInvalid(field, "must be a whole number, was " + value);
    }
    return (int) v;
  }

  private static String text(String field, Object value) {
    if (!(value instanceof String text)) {
      throw new TrainingRequestInvalid(field, "must be a string, was " + value);
    }
    return text;
  }
}
