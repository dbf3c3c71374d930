package io.mlops.model.training.fit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.mlops.domain.model.Task;
import io.mlops.runtime.architecture.Blocks;
import io.mlops.runtime.architecture.MlpSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The training loop: mini-batch gradient steps with DJL's {@link Trainer}. It is our own loop rather
 * than {@code EasyTrain.fit} so the hot path stays lean: each epoch copies the shuffled rows once into
 * two reused Java arrays and one native tensor pair, and each batch is a slice of them (no per-row
 * work, no Dataset/Batchifier objects); the optimizer updates the parameters directly (see {@code step}). The loss is read once per batch, which is what DJL's
 * training listeners would record. Deterministic for a seed: the engine seed fixes initialization
 * and dropout, a seeded {@link Random} the shuffling. Torch's RNG is per process, so with several
 * training workers the seeding and initialization of one fit are serialized with other fits' (and
 * fits with dropout, which draw at every step, run one at a time): the same seed gives the same
 * model whatever runs beside it.
 */
public final class DjlFit {

  /** Guards torch's process-wide random generator (see {@code fit}). */
  private static final ReentrantLock TORCH_RNG = new ReentrantLock();

  /**
   * Per-epoch CPU time of the training thread (torch runs its ops on it with one intra-op thread): a
   * figure that, unlike wall time, survives a loaded machine.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DjlFit() {}

  /**
   * @param validation rows for early stopping, or null
   * @throws FitCancelled when the listener says stop
   */
  public static FittedNet fit(Matrix train, Matrix validation, HyperParams hp, Task task, int outputUnits, long seed,
      EpochListener listener) {
    // Torch's generator is one per process: seeding it and drawing from it must not interleave with
    // another worker's fit. Initialization always draws; dropout draws at every training step, so a
    // fit with dropout keeps the generator for its whole run (such fits run one at a time).
    boolean drawsWhileTraining = hp.architecture() instanceof MlpSpec mlp && mlp.dropout() > 0;
    TORCH_RNG.lock();
    boolean rngHeld = true;
    Model model = Model.newInstance("training");
    boolean done = false;
    try {
      Engine.getInstance().setRandomSeed((int) seed);
      model.setBlock(Blocks.build(hp.architecture(), outputUnits));
      Optimizer optimizer = optimizer(hp);
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss(task))
          .optOptimizer(optimizer)
          .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
      int bestEpoch;
      double lastLoss;
      double[] epochMillis;
      double[] epochCpuMillis;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(hp.batchSize(), train.cols()));
        if (!drawsWhileTraining) {
          TORCH_RNG.unlock();
          rngHeld = false;
        }
        Loop loop = new Loop(trainer, optimizer, loss(task), task, train, validation, hp, seed, listener);
        loop.run();
        bestEpoch = loop.bestEpoch;
        lastLoss = loop.lastLoss;
        epochMillis = loop.epochMillis();
        epochCpuMillis = loop.epochCpuMillis();
      }
      done = true;
      return new FittedNet(model, outputUnits, bestEpoch, lastLoss, epochMillis, epochCpuMillis);
    } finally {
      if (rngHeld) {
        TORCH_RNG.unlock();
      }
      if (!done) {
        model.close();
      }
    }
  }

  static Loss loss(Task task) {
    return switch (task) {
      case REGRESSION -> Loss.l2Loss();
      case BINARY -> Loss.sigmoidBinaryCrossEntropyLoss();
      case MULTICLASS -> Loss.softmaxCrossEntropyLoss();
    };
  }

  private static Optimizer optimizer(HyperParams hp) {
    Tracker lr = Tracker.fixed((float) hp.learningRate());
    float wd = (float) hp.weightDecay();
    return "sgd".equals(hp.optimizer())
        ? Optimizer.sgd().setLearningRateTracker(lr).optWeightDecays(wd).build()
        : Optimizer.adam().optLearningRateTracker(lr).optWeightDecays(wd).build();
  }

  /** Labels as the losses want them: (n, 1) floats, except class indices (n) for softmax. */
  static float[] labels(Matrix m) {
    if (!m.classification()) {
      return m.target();
    }
    float[] y = new float[m.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = m.classes()[i];
    }
    return y;
  }

  static Shape labelShape(Task task, int rows) {
    return task == Task.MULTICLASS ? new Shape(rows) : new Shape(rows, 1);
  }

  private static final class Loop {
    private final Trainer trainer;
    private final Optimizer optimizer;
    private final List<Parameter> parameters;
    private final Loss loss;
    private final Task task;
    private final Matrix train;
    private final Matrix validation;
    private final HyperParams hp;
    private final Random shuffle;
    private final EpochListener listener;
    int bestEpoch;
    double lastLoss = Double.NaN;
    private double[] epochMillis = new double[0];
    private double[] epochCpuMillis = new double[0];
    private int epochsRun;

    Loop(Trainer trainer, Optimizer optimizer, Loss loss, Task task, Matrix train, Matrix validation, HyperParams hp,
        long seed, EpochListener listener) {
      this.trainer = trainer;
      this.optimizer = optimizer;
      this.parameters = trainer.getModel().getBlock().getParameters().values().stream()
          .filter(Parameter::requiresGradient).toList();
      this.loss = loss;
      this.task = task;
      this.train = train;
      this.validation = validation;
      this.hp = hp;
      this.shuffle = new Random(seed);
      this.listener = listener;
    }

    void run() {
      int n = train.rows();
      int cols = train.cols();
      float[] labels = labels(train);
      float[] xs = new float[n * cols];
      float[] ys = new float[n];
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      double bestValidation = Double.POSITIVE_INFINITY;
      int sinceBest = 0;
      epochMillis = new double[hp.epochs()];
      epochCpuMillis = new double[hp.epochs()];
      for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        Splits.shuffle(order, shuffle);
        for (int i = 0; i < n; i++) {
          System.arraycopy(train.x(), order[i] * cols, xs, i * cols, cols);
          ys[i] = labels[order[i]];
        }
        lastLoss = epoch(xs, ys, n, cols);
        double validationLoss = validation == null ? Double.NaN : validationLoss();
        if (validation == null || validationLoss < bestValidation) {
          bestValidation = validation == null ? bestValidation : validationLoss;
          bestEpoch = epoch;
          sinceBest = 0;
        } else {
          sinceBest++;
        }
        double trainedMillis = (System.nanoTime() - epochStart) / 1e6;
        boolean goOn = listener.epochDone(epoch, hp.epochs(), lastLoss, validationLoss, trainedMillis);
        // the recorded time includes the listener (progress write, cancel check): it is part of the job's epoch
        epochCpuMillis[epochsRun] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        epochMillis[epochsRun++] = (System.nanoTime() - epochStart) / 1e6;
        if (!goOn) {
          throw new FitCancelled();
        }
        if (validation != null && hp.patience() > 0 && sinceBest >= hp.patience()) {
          break;
        }
      }
    }

    double[] epochMillis() {
      return java.util.Arrays.copyOf(epochMillis, epochsRun);
    }

    double[] epochCpuMillis() {
      return java.util.Arrays.copyOf(epochCpuMillis, epochsRun);
    }

    private double epoch(float[] xs, float[] ys, int n, int cols) {
      double lossSum = 0;
      try (NDManager epochManager = trainer.getManager().newSubManager()) {
        NDArray x = epochManager.create(FloatBuffer.wrap(xs), new Shape(n, cols));
        NDArray y = epochManager.create(FloatBuffer.wrap(ys), labelShape(task, n));
        for (int start = 0; start < n; start += hp.batchSize()) {
          int end = Math.min(n, start + hp.batchSize());
          try (NDManager batchManager = epochManager.newSubManager()) {
            NDIndex rows = new NDIndex("{}:{}", start, end);
            NDArray xb = x.get(rows);
            NDArray yb = y.get(rows);
            xb.attach(batchManager);
            yb.attach(batchManager);
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(new NDList(xb), new NDList(yb));
              NDArray value = loss.evaluate(new NDList(yb), predictions);
              collector.backward(value);
              lossSum += value.getFloat() * (end - start);
            }
            step(batchManager);
          }
        }
      }
      return lossSum / n;
    }

    /**
     * What {@code trainer.step()} does on one device, minus its first-step check that the gradients do
     * not sum to zero: for a softmax classifier they sum to exactly zero by construction (the softmax
     * gradient of each row sums to 0 over classes), so that check can fail a healthy fit.
     */
    private void step(NDManager batchManager) {
      for (Parameter parameter : parameters) {
        NDArray weight = parameter.getArray();
        NDArray gradient = weight.getGradient();
        gradient.attach(batchManager);
        optimizer.update(parameter.getId(), weight, gradient);
      }
    }

    private double validationLoss() {
      try (NDManager manager = trainer.getManager().newSubManager()) {
        NDArray x = manager.create(FloatBuffer.wrap(validation.x()), new Shape(validation.rows(), validation.cols()));
        NDArray y = manager.create(FloatBuffer.wrap(labels(validation)), labelShape(task, validation.rows()));
        NDList out = trainer.getModel().getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
        return loss.evaluate(new NDList(y), out).getFloat();
      }
    }
  }
}
