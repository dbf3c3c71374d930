package io.mlops.inference.api;

import io.mlops.inference.online.ModelHasNoFeatureSet;
import io.mlops.inference.online.OnlineFeatureClient;
import io.mlops.inference.serving.ServedModel;
import java.util.List;
import java.util.Map;

/**
 * The rows of one request as a given version needs them. A shadow version encodes the same request
 * again with its own encoder (or its own feature set), so it gets the same source, not the same floats.
 */
sealed interface RowSource {

    int rows();

    PredictionService.Inputs encode(ServedModel model);

    /** Raw feature rows by name: the model's transformation spec applies. */
    record Instances(List<Map<String, Object>> instances) implements RowSource {

        @Override
        public int rows() {
            return instances.size();
        }

        @Override
        public PredictionService.Inputs encode(ServedModel model) {
            return new PredictionService.Inputs(model.encoder().encode(instances, "instances"), instances.size(), instances);
        }
    }

    /** Entity keys: the features come from the online store of the feature set in the model's lineage. */
    record Entities(List<String> entities, OnlineFeatureClient online) implements RowSource {

        @Override
        public int rows() {
            return entities.size();
        }

        @Override
        public PredictionService.Inputs encode(ServedModel model) {
            if (model.featureSet() == null) {
                throw new ModelHasNoFeatureSet(model.ref());
            }
            List<Map<String, Object>> features = online.fetch(model.featureSet(), entities);
            return new PredictionService.Inputs(model.encoder().encodeModelInputs(features, "entities"),
                    entities.size(), features);
        }
    }
}
