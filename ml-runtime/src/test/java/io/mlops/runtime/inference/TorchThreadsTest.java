package io.mlops.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TorchThreadsTest {

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
}
