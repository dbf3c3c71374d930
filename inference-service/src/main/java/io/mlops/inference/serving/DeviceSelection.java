package io.mlops.inference.serving;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** {@code mlops.inference.device} to a DJL device: {@code auto} takes the first GPU PyTorch sees, else the CPU. */
final class DeviceSelection {

    private DeviceSelection() {
    }

    static Device resolve(InferenceProperties.Device wanted) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (wanted) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("mlops.inference.device=gpu but PyTorch sees no GPU;"
                            + " the image needs the CUDA build of libtorch (see the README)");
                }
                yield Device.gpu();
            }
        };
    }
}
