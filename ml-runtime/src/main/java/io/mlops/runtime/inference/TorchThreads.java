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

  /** The counts in effect, starting the PyTorch engine if needed. */
  public static Settings current() {
    Engine.getEngine("PyTorch");
    return new Settings(JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
  }
}
