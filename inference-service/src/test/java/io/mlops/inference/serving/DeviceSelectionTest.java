package io.mlops.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

/** The expected device follows from the GPU count PyTorch reports on the machine running the test. */
class DeviceSelectionTest {

    @Test
    void cpuIsTheCpuAndAutoFollowsTheVisibleGpus() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        assertThat(DeviceSelection.resolve(InferenceProperties.Device.CPU)).isEqualTo(Device.cpu());
        assertThat(DeviceSelection.resolve(InferenceProperties.Device.AUTO)).isEqualTo(gpus > 0 ? Device.gpu() : Device.cpu());
        if (gpus == 0) {
            assertThatThrownBy(() -> DeviceSelection.resolve(InferenceProperties.Device.GPU))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CUDA");
        } else {
            assertThat(DeviceSelection.resolve(InferenceProperties.Device.GPU)).isEqualTo(Device.gpu());
        }
    }
}
