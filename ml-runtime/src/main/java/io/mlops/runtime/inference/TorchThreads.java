package io.mlops.runtime.inference;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's thread pools, which are per process. Torch defaults to intra-op threads = cores; for
 * small models served by several worker threads, one intra-op thread each is faster (less
 * contention). Call {@link #configure} once at startup, before loading a model: the inter-op pool
 * can be sized only before its first use, and threads that already ran torch code keep their
 * intra-op count. The same can be set with {@code -Dai.djl.pytorch.num_threads=1
 * -Dai.djl.pytorch.num_interop_threads=1}.
 *
 * <p>The intra-op count is applied per OS thread, lazily: see {@link #applyToCurrentThread()}, which
 * every thread that predicts must call ({@link BatchPredictor} does).
 */
public final class TorchThreads {

  private static final String INTRA = "ai.djl.pytorch.num_threads";
  private static final String INTER = "ai.djl.pytorch.num_interop_threads";

  /** Thread counts in effect. */
  public record Settings(int intraOp, int interOp) {}

  private TorchThreads() {}

  /**
   * Sets the intra-op and inter-op thread counts, starting the PyTorch engine if needed.
   *
   * @throws InteropThreadsAlreadyFixed if the engine already runs with another inter-op count
   */
  public static synchronized Settings configure(int intraOp, int interOp) {
    if (intraOp < 1 || interOp < 1) {
      throw new IllegalArgumentException("thread counts must be at least 1: " + intraOp + ", " + interOp);
    }
    // Read by PtEngine when it starts; harmless if it already has.
    System.setProperty(INTRA, Integer.toString(intraOp));
    System.setProperty(INTER, Integer.toString(interOp));
    Settings now = current();
    if (now.interOp() != interOp) {
      System.setProperty(INTER, Integer.toString(now.interOp()));
      throw new InteropThreadsAlreadyFixed("the PyTorch engine already runs with " + now.interOp()
          + " inter-op threads; set " + INTER + " before the first model is loaded");
    }
    if (now.intraOp() != intraOp) {
      JniUtils.setNumThreads(intraOp);
    }
    return current();
  }

  /**
   * Makes the calling OS thread use the process's intra-op count; cheap after the first call on a
   * thread (one JNI call that reads an OpenMP setting).
   *
   * <p>Why: OpenMP's thread count is a per-thread setting, and libtorch applies its intra-op count
   * to a thread (OpenMP and MKL) lazily, the first time that thread goes through
   * {@code at::get_num_threads()}; {@code at::parallel_for} asks only when an op has enough elements
   * to split. A small model's matmul goes straight to MKL without asking, so on any thread but the
   * one that started the engine it ran with MKL's default of one thread per core: each such thread
   * (batch workers, virtual-thread carriers) got its own OpenMP helper thread, which spun at every
   * call. Measured on 2 cores, digits MLP, batch 32 (bench/inference/README.md, 2026-11-28): 190–220
   * µs of process CPU per call instead of 120–145, and on a busy box stalls of 50–200 ms at p95.
   */
  public static void applyToCurrentThread() {
    JniUtils.getNumThreads();
  }

  /** The counts in effect, starting the PyTorch engine if needed. */
  public static Settings current() {
    Engine.getEngine("PyTorch");
    return new Settings(JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
  }
}
