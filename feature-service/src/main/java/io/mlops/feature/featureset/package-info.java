/** Feature-set definitions and their immutable versions: validation against the dataset, fitting, storage, API. */
package io.mlops.feature.featureset;
