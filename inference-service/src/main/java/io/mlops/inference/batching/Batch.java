package io.mlops.inference.batching;

import java.util.Arrays;
import java.util.List;

/**
 * Requests taken together by one worker, plus those found past their deadline while taking them.
 *
 * @param requests to compute, in arrival order
 * @param expired  to fail with {@link InferenceDeadlineExceeded}, never computed
 * @param rows     rows of {@code requests}
 */
record Batch(List<PendingRequest> requests, List<PendingRequest> expired, int rows) {

    /** The rows of every request, concatenated; no copy when the batch is a single request. */
    float[] input(int featureCount) {
        if (requests.size() == 1) {
            return requests.getFirst().rowMajor();
        }
        float[] input = new float[rows * featureCount];
        int offset = 0;
        for (PendingRequest request : requests) {
            System.arraycopy(request.rowMajor(), 0, input, offset, request.rowMajor().length);
            offset += request.rowMajor().length;
        }
        return input;
    }

    /** Completes each caller with its own rows of {@code output}. */
    void complete(float[] output) {
        if (output == null || output.length == 0 || output.length % rows != 0) {
            throw new IllegalStateException("predictor returned " + (output == null ? "null" : output.length
                    + " values") + " for " + rows + " rows");
        }
        int width = output.length / rows;
        int row = 0;
        for (PendingRequest request : requests) {
            float[] slice = requests.size() == 1 ? output
                    : Arrays.copyOfRange(output, row * width, (row + request.rows()) * width);
            row += request.rows();
            request.result().complete(slice);
        }
    }
}
