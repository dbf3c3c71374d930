package io.mlops.inference.oip;

import io.mlops.inference.api.PredictionService;
import io.mlops.inference.serving.ServedModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OIP input tensors → model inputs. Two layouts: one tensor of shape {@code [rows, width]} holding the model
 * inputs in signature order, or one tensor per raw feature, named after it, of shape {@code [rows]} or
 * {@code [rows, 1]} (these go through the model's transformation spec like REST instances).
 */
final class Tensors {

    private static final Set<String> NUMERIC = Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16",
            "INT32", "INT64", "FP16", "FP32", "FP64");

    private Tensors() {
    }

    /**
     * @param features whether PredictionMade needs the rows' features (events on): the per-feature form passes the
     *                 named rows it builds anyway, as REST passes its instances; the matrix form builds rows of the
     *                 model inputs by name only then
     */
    static PredictionService.Inputs inputs(List<OipMessages.InferInput> tensors, ServedModel model,
                                           PredictionService service, boolean features) {
        checkNulls(tensors);
        if (tensors == null || tensors.isEmpty()) {
            throw new InvalidTensor("inputs", "no input tensors");
        }
        if (tensors.size() == 1 && tensors.getFirst().shape() != null && tensors.getFirst().shape().size() == 2
                && tensors.getFirst().shape().get(1) != 1) {
            return matrix(tensors.getFirst(), model, service, features);
        }
        return columns(tensors, model, service);
    }

    private static PredictionService.Inputs matrix(OipMessages.InferInput tensor, ServedModel model, PredictionService service,
                                                   boolean features) {
        long rows = tensor.shape().get(0);
        long width = tensor.shape().get(1);
        if (width != model.inputWidth()) {
            throw new InvalidTensor(tensor.name(), "shape " + tensor.shape() + " does not match the model's [-1, "
                    + model.inputWidth() + "]");
        }
        service.checkRows((int) Math.min(Integer.MAX_VALUE, rows), "inputs." + tensor.name());
        TensorData data = values(tensor);
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toFloat(tensor, data, i);
        }
        // the values as sent (the model sees them as floats)
        return new PredictionService.Inputs(out, (int) rows, features ? model.encoder().modelInputRows(data.numbers(), (int) rows) : null);
    }

    private static PredictionService.Inputs columns(List<OipMessages.InferInput> tensors, ServedModel model,
                                                    PredictionService service) {
        int rows = -1;
        Map<String, List<Object>> columns = new HashMap<>();
        for (OipMessages.InferInput tensor : tensors) {
            List<Long> shape = tensor.shape();
            if (shape == null || shape.isEmpty() || shape.size() > 2 || (shape.size() == 2 && shape.get(1) != 1)) {
                throw new InvalidTensor(tensor.name(), "shape " + shape + " should be [rows] or [rows, 1] for a"
                        + " feature column, or [rows, " + model.inputWidth() + "] for a single input matrix");
            }
            if (rows >= 0 && shape.getFirst() != rows) {
                throw new InvalidTensor(tensor.name(), "has " + shape.getFirst() + " rows, other inputs " + rows);
            }
            rows = (int) Math.min(Integer.MAX_VALUE, shape.getFirst());
            TensorData data = values(tensor);
            List<Object> values = new ArrayList<>(data.size());
            for (int i = 0; i < data.size(); i++) {
                toFloat(tensor, data, i);
                values.add(data.value(i));
            }
            if (columns.put(tensor.name(), values) != null) {
                throw new InvalidTensor(tensor.name(), "appears twice");
            }
        }
        service.checkRows(rows, "inputs");
        List<Map<String, Object>> instances = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Map<String, Object> row = new HashMap<>();
            for (Map.Entry<String, List<Object>> column : columns.entrySet()) {
                row.put(column.getKey(), column.getValue().get(r));
            }
            instances.add(row);
        }
        return new PredictionService.Inputs(model.encoder().encode(instances, "inputs"), rows, instances);
    }

    /** A null input or shape dimension, which JSON allows and the protocol does not: 400 naming it, not a 500. */
    static void checkNulls(List<OipMessages.InferInput> tensors) {
        if (tensors == null) {
            return;
        }
        for (int i = 0; i < tensors.size(); i++) {
            OipMessages.InferInput tensor = tensors.get(i);
            if (tensor == null) {
                throw new InvalidTensor("#" + i, "is null");
            }
            if (tensor.shape() != null) {
                for (Long dim : tensor.shape()) {
                    if (dim == null) {
                        throw new InvalidTensor(String.valueOf(tensor.name()), "shape " + tensor.shape() + " holds null");
                    }
                }
            }
        }
    }

    /** How many elements the tensor's shape holds; a negative dimension, or more than an int counts, is a 400. */
    static long elementCount(OipMessages.InferInput tensor) {
        String name = String.valueOf(tensor.name());
        if (tensor.shape() == null) {
            throw new InvalidTensor(name, "has no shape");
        }
        long n = 1;
        for (long dim : tensor.shape()) {
            if (dim < 0) {
                throw new InvalidTensor(name, "shape " + tensor.shape() + " has a negative dimension");
            }
            if (dim > 0 && n > Integer.MAX_VALUE / dim) {
                throw new InvalidTensor(name, "shape " + tensor.shape() + " is too large");
            }
            n *= dim;
        }
        return n;
    }

    /** The tensor's elements, flattened row-major, checked against datatype and shape. */
    private static TensorData values(OipMessages.InferInput tensor) {
        String name = tensor.name() == null ? "?" : tensor.name();
        if (tensor.name() == null || tensor.name().isBlank()) {
            throw new InvalidTensor(name, "has no name");
        }
        if (tensor.datatype() == null || !NUMERIC.contains(tensor.datatype())) {
            throw new InvalidTensor(name, "datatype " + tensor.datatype() + " is not supported; use one of " + NUMERIC);
        }
        long expected = elementCount(tensor);
        TensorData data = tensor.data();
        if (data == null || data.holdsNull()) {
            throw new InvalidTensor(name, "data is missing or holds null");
        }
        if (data.other() != null) {
            throw new InvalidTensor(name, tensor.datatype() + " data holds " + (tensor.datatype().equals("BOOL") ? "" : "a non-number: ")
                    + data.other());
        }
        if (data.size() != expected) {
            throw new InvalidTensor(name, "shape " + tensor.shape() + " needs " + expected + " elements, data has " + data.size());
        }
        return data;
    }

    private static float toFloat(OipMessages.InferInput tensor, TensorData data, int i) {
        String type = tensor.datatype();
        if (type.equals("BOOL")) {
            if (data.isBoolean(i)) {
                return (float) data.numbers()[i];
            }
            throw new InvalidTensor(tensor.name(), "BOOL data holds " + data.text(i));
        }
        if (data.isBoolean(i)) {
            throw new InvalidTensor(tensor.name(), type + " data holds a non-number: " + data.text(i));
        }
        float x = (float) data.numbers()[i];
        if (!Float.isFinite(x)) {
            throw new InvalidTensor(tensor.name(), "holds a value that is not a finite " + type + ": " + data.text(i));
        }
        if ((type.startsWith("INT") || type.startsWith("UINT")) && x != Math.rint(x)) {
            throw new InvalidTensor(tensor.name(), type + " data holds a fraction: " + data.text(i));
        }
        return x;
    }
}
