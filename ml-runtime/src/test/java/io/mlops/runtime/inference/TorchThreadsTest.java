package io.mlops.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchThreadsTest {

  @TempDir
  Path tmp;

  @Test
  void setsIntraOpThreadsAndRefusesToResizeAStartedInteropPool() {
    TorchThreads.Settings before = TorchThreads.current();

    TorchThreads.Settings after = TorchThreads.configure(1, before.interOp());

    assertThat(after).isEqualTo(new TorchThreads.Settings(1, before.interOp()));
    assertThatThrownBy(() -> TorchThreads.configure(1, before.interOp() + 1))
        .isInstanceOf(InteropThreadsAlreadyFixed.class);
    assertThat(TorchThreads.current().interOp()).isEqualTo(before.interOp());
    assertThatThrownBy(() -> TorchThreads.configure(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A thread other than the one that started the engine predicts with one intra-op thread too. Before
   * {@link TorchThreads#applyToCurrentThread()}, MKL ran the digits matmul with one thread per core
   * there, through an OpenMP helper thread that Linux names after the calling thread (it inherits its
   * name); so the check counts the OS threads carrying the predicting thread's name. Batches of 32 rows,
   * as the benchmark sends: a batch of 256 makes an op large enough for {@code at::parallel_for}, which
   * sets the thread up before MKL runs, so it would not show the bug. Needs Linux and more than one
   * core (with one core MKL's default is one thread anyway).
   */
  @Test
  void aNewThreadPredictsWithoutSpawningIntraOpHelpers() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) && Runtime.getRuntime().availableProcessors() > 1);
    TorchThreads.configure(1, TorchThreads.current().interOp());
    Path pt = Fixtures.copyModelResource("digits_mlp.pt", tmp.resolve("src"));
    String sha = ModelArchive.write(Fixtures.digitsTorchScript(), pt, tmp.resolve("model.zip"));
    String name = "tt-" + (System.nanoTime() % 1_000_000); // Linux keeps 15 characters of a thread name
    AtomicLong namesakes = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (LoadedModel model = ModelLoader.load(ModelArchive.unpack(tmp.resolve("model.zip"), sha, tmp.resolve("model")))) {
      Thread thread = Thread.ofPlatform().name(name).start(() -> {
        try (BatchPredictor predictor = model.newPredictor()) {
          float[] rows = new float[32 * 64];
          for (int i = 0; i < rows.length; i++) {
            rows[i] = (i * 7 % 17) / 16f;
          }
          for (int i = 0; i < 20; i++) {
            predictor.predict(rows, 32);
          }
          namesakes.set(threadsNamed(name));
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      thread.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(namesakes.get()).as("OS threads named %s (the thread itself and any intra-op helper)", name).isEqualTo(1);
  }

  private static long threadsNamed(String name) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.filter(task -> {
        try {
          return Files.readString(task.resolve("comm")).trim().equals(name);
        } catch (IOException gone) {
          return false;
        }
      }).count();
    }
  }
}
