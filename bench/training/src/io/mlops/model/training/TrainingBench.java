package io.mlops.model.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.model.ModelServiceApplication;
import io.mlops.model.training.data.FeatureServiceClient;
import io.mlops.model.training.data.FeatureSetInfo;
import io.mlops.model.training.fit.Matrix;
import io.mlops.model.training.fit.Splits;
import io.mlops.runtime.inference.TorchThreads;
import io.mlops.testsupport.PostgresServer;
import io.mlops.testsupport.TestInfrastructure;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Issue 5's training benchmark: the digits MLP trained through model-service's job API (real
 * Postgres and Kafka from test-support, training data over HTTP from the test suite's
 * {@link FixtureFeatureService}) next to a bare DJL loop over the same training rows, same
 * architecture, optimizer, batch size, epochs and one torch intra-op thread, in the same JVM, the
 * two alternating. The service's figure is the per-epoch wall time its final fit records
 * ({@code result.finalFitEpochMillis}); HTTP and job setup are reported apart, as total wall time.
 * It lives in the package of FixtureFeatureService (package-private test code) to reuse it.
 * Usage: java ... io.mlops.model.training.TrainingBench <out-dir> [epochs] [repeats]
 */
public final class TrainingBench {

  static final int HIDDEN = 64;
  static final int BATCH = 32;
  static final double LEARNING_RATE = 0.005;
  static final long SEED = 7;

  /** One run: per-epoch wall and training-thread CPU times, and the total wall time (ms). */
  record Run(double[] epochMillis, double[] epochCpuMillis, double totalMillis) {
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "bench-out");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Files.createDirectories(out);
    String loadStart = Files.readString(Path.of("/proc/loadavg")).trim();

    PostgresServer pg = TestInfrastructure.postgres();
    String kafka = TestInfrastructure.kafkaBootstrapServers();
    Path blobs = Files.createTempDirectory("bench-training-blobs");
    try (FixtureFeatureService features = new FixtureFeatureService(FixtureFeatureService.DIGITS);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelServiceApplication.class).run(
            "--server.port=0",
            "--spring.datasource.url=" + pg.jdbcUrl(),
            "--spring.datasource.username=" + pg.username(),
            "--spring.datasource.password=" + pg.password(),
            "--spring.kafka.bootstrap-servers=" + kafka,
            "--mlops.model.feature-service-url=" + features.url(),
            "--mlops.blobs.root=" + blobs,
            "--logging.level.root=WARN")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();

      // The bare loop trains on exactly the rows the job's final fit trains on: the same training-data
      // API, the same every-kth (k=5) holdout.
      FeatureServiceClient client = app.getBean(FeatureServiceClient.class);
      FeatureSetVersionRef ref = new FeatureSetVersionRef(FixtureFeatureService.DIGITS.name(), 1);
      FeatureSetInfo info = client.describe(ref);
      Matrix all = client.trainingData(ref, info.features(), FixtureFeatureService.DIGITS.label(), true).matrix();
      Matrix train = all.rows(Splits.everyKth(all.rows(), 5).train());
      TorchThreads.configure(1, TorchThreads.current().interOp()); // the service's training worker does the same

      // warm-up: one of each, not reported
      bare(train, epochs);
      service(http, epochs, "bench-digits-warmup");

      List<Run> bareRuns = new ArrayList<>();
      List<Run> serviceRuns = new ArrayList<>();
      List<Integer> trainRows = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        bareRuns.add(bare(train, epochs));
        Map<String, Object> job = serviceJob(http, epochs, "bench-digits");
        serviceRuns.add(serviceRun(job));
        trainRows.add(((Number) result(job).get("trainRows")).intValue());
        System.out.printf(Locale.ROOT, "repeat %d: bare %.2f ms/epoch (CPU %.2f), service %.2f ms/epoch (CPU %.2f),"
            + " accuracy %s%n", r + 1, median(bareRuns.getLast().epochMillis()), median(bareRuns.getLast().epochCpuMillis()),
            median(serviceRuns.getLast().epochMillis()), median(serviceRuns.getLast().epochCpuMillis()),
            ((Map<?, ?>) result(job).get("metrics")).get("accuracy"));
      }
      if (trainRows.stream().anyMatch(n -> n != train.rows())) {
        throw new IllegalStateException("the job trained on " + trainRows + " rows, the bare loop on " + train.rows());
      }
      String loadEnd = Files.readString(Path.of("/proc/loadavg")).trim();
      String report = report(train, epochs, repeats, bareRuns, serviceRuns, loadStart, loadEnd);
      Files.writeString(out.resolve("results.md"), report);
      System.out.println(report);
    }
    System.exit(0); // Kafka and Postgres from test-support keep non-daemon threads
  }

  // ---- the bare DJL loop -------------------------------------------------------------------------

  /**
   * What a DJL user writes: the same layers as model-service's Blocks for {@code mlp [64] relu}, a
   * Trainer, and per epoch a shuffled copy of the rows as one tensor pair sliced into batches, each
   * batch the body of {@code EasyTrain.trainBatch} (forward, loss, backward) plus {@code trainer.step()};
   * the loss is read once per batch as DJL's training listeners would.
   */
  static Run bare(Matrix train, int epochs) {
    long start = System.nanoTime();
    int n = train.rows();
    int cols = train.cols();
    int classes = train.classLabels().size();
    double[] epochMillis = new double[epochs];
    double[] epochCpuMillis = new double[epochs];
    ai.djl.engine.Engine.getInstance().setRandomSeed((int) SEED);
    try (Model model = Model.newInstance("bare")) {
      SequentialBlock block = new SequentialBlock()
          .add(Linear.builder().setUnits(HIDDEN).build())
          .add(Activation::relu)
          .add(Linear.builder().setUnits(classes).build());
      model.setBlock(block);
      Loss loss = Loss.softmaxCrossEntropyLoss();
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) LEARNING_RATE)).build())
          .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, cols));
        Random random = new Random(SEED);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        float[] xs = new float[n * cols];
        float[] ys = new float[n];
        for (int epoch = 0; epoch < epochs; epoch++) {
          long epochStart = System.nanoTime();
          long cpuStart = THREADS.getCurrentThreadCpuTime();
          for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
          }
          for (int i = 0; i < n; i++) {
            System.arraycopy(train.x(), order[i] * cols, xs, i * cols, cols);
            ys[i] = train.classes()[order[i]];
          }
          double lossSum = 0;
          try (NDManager epochManager = trainer.getManager().newSubManager()) {
            NDArray x = epochManager.create(FloatBuffer.wrap(xs), new Shape(n, cols));
            NDArray y = epochManager.create(FloatBuffer.wrap(ys), new Shape(n));
            for (int s = 0; s < n; s += BATCH) {
              int e = Math.min(n, s + BATCH);
              try (NDManager batchManager = epochManager.newSubManager()) {
                NDIndex rows = new NDIndex("{}:{}", s, e);
                NDArray xb = x.get(rows);
                NDArray yb = y.get(rows);
                xb.attach(batchManager);
                yb.attach(batchManager);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                  NDList predictions = trainer.forward(new NDList(xb), new NDList(yb));
                  NDArray value = loss.evaluate(new NDList(yb), predictions);
                  collector.backward(value);
                  lossSum += value.getFloat() * (e - s);
                }
                trainer.step();
              }
            }
          }
          if (!Double.isFinite(lossSum)) {
            throw new IllegalStateException("bare loop diverged");
          }
          epochCpuMillis[epoch] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
          epochMillis[epoch] = (System.nanoTime() - epochStart) / 1e6;
        }
      }
    }
    return new Run(epochMillis, epochCpuMillis, (System.nanoTime() - start) / 1e6);
  }

  // ---- the service path ---------------------------------------------------------------------------

  static Map<String, Object> request(String model, int epochs) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("modelName", model);
    body.put("featureSet", FixtureFeatureService.DIGITS.name());
    body.put("featureSetVersion", 1);
    body.put("labelColumn", FixtureFeatureService.DIGITS.label());
    body.put("task", "multiclass");
    body.put("algorithm", Map.of("type", "mlp", "hiddenSizes", List.of(HIDDEN), "activation", "relu"));
    body.put("optimizer", Map.of("type", "adam", "learningRate", LEARNING_RATE, "batchSize", BATCH, "epochs", epochs));
    body.put("seed", SEED);
    body.put("split", Map.of("type", "every-kth", "k", 5));
    return body;
  }

  static Run service(RestClient http, int epochs, String model) throws InterruptedException {
    return serviceRun(serviceJob(http, epochs, model));
  }

  /** Submits the job and polls it every 100 ms (a client polling faster steals CPU from the training thread on 2 cores) until it ends; adds the client-side wall time as "benchWallMillis". */
  static Map<String, Object> serviceJob(RestClient http, int epochs, String model) throws InterruptedException {
    long start = System.nanoTime();
    Map<String, Object> accepted = http.post().uri("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
        .body(request(model, epochs)).retrieve().body(new ParameterizedTypeReference<>() {});
    Object id = accepted.get("id");
    Map<String, Object> job;
    while (true) {
      job = http.get().uri("/api/v1/training-jobs/{id}", id).retrieve().body(new ParameterizedTypeReference<>() {});
      if (JobState.valueOf((String) job.get("state")).finished()) {
        break;
      }
      Thread.sleep(100); // a benchmark client polling, not a test
    }
    if (!"SUCCEEDED".equals(job.get("state"))) {
      throw new IllegalStateException("job " + id + " ended " + job.get("state") + ": " + job.get("error"));
    }
    Map<String, Object> withWall = new LinkedHashMap<>(job);
    withWall.put("benchWallMillis", (System.nanoTime() - start) / 1e6);
    return withWall;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> result(Map<String, Object> job) {
    return (Map<String, Object>) job.get("result");
  }

  static Run serviceRun(Map<String, Object> job) {
    @SuppressWarnings("unchecked")
    List<Number> millis = (List<Number>) result(job).get("finalFitEpochMillis");
    @SuppressWarnings("unchecked")
    List<Number> cpu = (List<Number>) result(job).get("finalFitEpochCpuMillis");
    return new Run(millis.stream().mapToDouble(Number::doubleValue).toArray(),
        cpu.stream().mapToDouble(Number::doubleValue).toArray(), (double) job.get("benchWallMillis"));
  }

  // ---- report ---------------------------------------------------------------------------------------

  static String report(Matrix train, int epochs, int repeats, List<Run> bare, List<Run> service, String loadStart,
      String loadEnd) {
    double bareEpoch = median(bare.stream().flatMapToDouble(r -> Arrays.stream(r.epochMillis())).toArray());
    double serviceEpoch = median(service.stream().flatMapToDouble(r -> Arrays.stream(r.epochMillis())).toArray());
    double[] pairedRatios = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      pairedRatios[i] = median(bare.get(i).epochMillis()) / median(service.get(i).epochMillis());
    }
    double bareCpu = median(bare.stream().flatMapToDouble(r -> Arrays.stream(r.epochCpuMillis())).toArray());
    double serviceCpu = median(service.stream().flatMapToDouble(r -> Arrays.stream(r.epochCpuMillis())).toArray());
    double bareTotal = median(bare.stream().mapToDouble(Run::totalMillis).toArray());
    double serviceTotal = median(service.stream().mapToDouble(Run::totalMillis).toArray());
    StringBuilder s = new StringBuilder();
    s.append("# Training benchmark ").append(Instant.now()).append("\n\n");
    s.append(String.format(Locale.ROOT, "digits MLP [%d] relu, adam lr %s, batch %d, %d epochs over %d rows x %d features,"
        + " 1 torch intra-op thread; %d repeats after 1 warm-up each, alternating bare/service%n%n", HIDDEN,
        LEARNING_RATE, BATCH, epochs, train.rows(), train.cols(), repeats));
    s.append("cores: ").append(Runtime.getRuntime().availableProcessors()).append(", load average at start: ")
        .append(loadStart).append(", at end: ").append(loadEnd).append("\n\n");
    s.append("| loop | median wall ms/epoch | rows/s per epoch (wall) | median CPU ms/epoch | rows per CPU-s"
        + " | median total wall ms |\n|---|---|---|---|---|---|\n");
    s.append(String.format(Locale.ROOT, "| bare DJL | %.2f | %.0f | %.2f | %.0f | %.0f |%n", bareEpoch,
        train.rows() / bareEpoch * 1000, bareCpu, train.rows() / bareCpu * 1000, bareTotal));
    s.append(String.format(Locale.ROOT, "| model-service job | %.2f | %.0f | %.2f | %.0f | %.0f |%n", serviceEpoch,
        train.rows() / serviceEpoch * 1000, serviceCpu, train.rows() / serviceCpu * 1000, serviceTotal));
    s.append(String.format(Locale.ROOT, "%nservice/bare throughput (median epochs of all repeats): **%.3f×** (goal ≥ 0.9×);"
        + " paired per repeat: %s, median %.3f×%n", bareEpoch / serviceEpoch, fmt(pairedRatios), median(pairedRatios)));
    s.append(String.format(Locale.ROOT, "service/bare by training-thread CPU per epoch: **%.3f×**%n", bareCpu / serviceCpu));
    s.append(String.format(Locale.ROOT, "total wall time service/bare: %.2f× (the job's includes HTTP, the Kafka hand-off"
        + " or poll, loading the data over HTTP, evaluation, packing and registering)%n", serviceTotal / bareTotal));
    s.append("\nper repeat (median wall ms/epoch bare | service; CPU ms/epoch bare | service; total ms bare | service):\n\n");
    for (int i = 0; i < repeats; i++) {
      s.append(String.format(Locale.ROOT, "- %d: %.2f | %.2f; %.2f | %.2f; %.0f | %.0f%n", i + 1,
          median(bare.get(i).epochMillis()), median(service.get(i).epochMillis()), median(bare.get(i).epochCpuMillis()),
          median(service.get(i).epochCpuMillis()), bare.get(i).totalMillis(), service.get(i).totalMillis()));
    }
    return s.toString();
  }

  static String fmt(double[] values) {
    return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private TrainingBench() {}
}
